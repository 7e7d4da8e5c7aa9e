using System.Collections.Concurrent;
using System.Globalization;

namespace KongIdentityOperator.Runtime.Metrics;

/// <summary>
/// The process's metrics, exposed on <c>/metrics</c> in the Prometheus text format. Creating a metric that already
/// exists returns the existing one (so several components can share a family); a different type or label set throws.
/// </summary>
public sealed class MetricsRegistry
{
    private readonly ConcurrentDictionary<string, IMetricFamily> _families = new(StringComparer.Ordinal);

    public Counter CreateCounter(string name, string help, params string[] labelNames) =>
        GetOrAdd(name, labelNames, () => new Counter(name, help, labelNames));

    public Gauge CreateGauge(string name, string help, params string[] labelNames) =>
        GetOrAdd(name, labelNames, () => new Gauge(name, help, labelNames));

    public Histogram CreateHistogram(string name, string help, IReadOnlyList<double> buckets, params string[] labelNames) =>
        GetOrAdd(name, labelNames, () => new Histogram(name, help, buckets, labelNames));

    /// <summary>Writes every metric, sorted by name, in the Prometheus text exposition format 0.0.4.</summary>
    public void WriteTo(TextWriter output)
    {
        var writer = new PrometheusTextWriter(output);
        foreach (var family in _families.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            family.Write(writer);
        }
    }

    /// <summary>The exposition text (what <c>/metrics</c> serves).</summary>
    public string Export()
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        WriteTo(output);
        return output.ToString();
    }

    private TMetric GetOrAdd<TMetric>(string name, string[] labelNames, Func<TMetric> create)
        where TMetric : class, IMetricFamily
    {
        var family = _families.GetOrAdd(name, _ => create());
        if (family is not TMetric typed)
        {
            throw new InvalidOperationException($"Metric {name} is already registered as a {family.Type}.");
        }

        var existingLabels = family switch
        {
            Metric<Counter.Child> c => c.LabelNames,
            Metric<Gauge.Child> g => g.LabelNames,
            Metric<Histogram.Child> h => h.LabelNames,
            _ => [],
        };
        if (!existingLabels.SequenceEqual(labelNames))
        {
            throw new InvalidOperationException($"Metric {name} is already registered with labels [{string.Join(',', existingLabels)}].");
        }

        return typed;
    }
}
