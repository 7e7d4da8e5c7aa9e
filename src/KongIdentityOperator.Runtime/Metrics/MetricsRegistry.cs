using System.Text;
using Prometheus;

namespace KongIdentityOperator.Runtime.Metrics;

/// <summary>
/// The process's metrics, kept by prometheus-net in a registry of their own: no default collectors and no event or
/// meter listeners, so <c>/metrics</c> serves exactly the families the components create (and
/// <see cref="ProcessMetrics"/>), under the names they give. Creating a metric that already exists returns it, so
/// several components share a family; one of another type throws.
/// </summary>
public sealed class MetricsRegistry
{
    /// <summary>The Prometheus text exposition format 0.0.4.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    static MetricsRegistry()
    {
        // The default registry is never exported; this keeps it from starting its listeners should anything touch it.
        Prometheus.Metrics.SuppressDefaultMetrics();
    }

    public MetricsRegistry()
    {
        Collectors = Prometheus.Metrics.NewCustomRegistry();
        Factory = Prometheus.Metrics.WithCustomRegistry(Collectors);
    }

    /// <summary>What the exporter collects from.</summary>
    public CollectorRegistry Collectors { get; }

    /// <summary>What components create their metrics with.</summary>
    public IMetricFactory Factory { get; }

    /// <summary>Writes every metric in the text format, after running the registry's before-collect callbacks.</summary>
    public Task WriteToAsync(Stream output, CancellationToken cancellationToken) =>
        Collectors.CollectAndExportAsTextAsync(output, ExpositionFormat.PrometheusText, cancellationToken);

    /// <summary>The exposition text (what <c>/metrics</c> serves).</summary>
    public async Task<string> ExportAsync(CancellationToken cancellationToken)
    {
        using var output = new MemoryStream();
        await WriteToAsync(output, cancellationToken);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
