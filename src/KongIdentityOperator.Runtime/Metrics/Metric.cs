using System.Collections.Concurrent;

namespace KongIdentityOperator.Runtime.Metrics;

/// <summary>A metric family: a name, help text, label names, and one child per combination of label values.</summary>
public abstract class Metric<TChild> : IMetricFamily
    where TChild : class
{
    private readonly ConcurrentDictionary<string, (string[] Values, TChild Child)> _children = new(StringComparer.Ordinal);

    private protected Metric(string name, string help, IReadOnlyList<string> labelNames)
    {
        MetricNames.Validate(name, labelNames);
        Name = name;
        Help = help;
        LabelNames = labelNames;
    }

    public string Name { get; }

    public string Help { get; }

    public IReadOnlyList<string> LabelNames { get; }

    public abstract MetricType Type { get; }

    /// <summary>The child for these label values (in the order of <see cref="LabelNames"/>), created on first use.</summary>
    public TChild WithLabels(params string[] labelValues)
    {
        ArgumentNullException.ThrowIfNull(labelValues);
        if (labelValues.Length != LabelNames.Count)
        {
            throw new ArgumentException($"{Name} takes {LabelNames.Count} label values, got {labelValues.Length}.", nameof(labelValues));
        }

        var key = string.Join('\u001f', labelValues);
        return _children.GetOrAdd(key, static (_, state) => ((string[])state.Values.Clone(), state.Self.CreateChild()), (Values: labelValues, Self: this)).Child;
    }

    private protected abstract TChild CreateChild();

    /// <summary>A consistent snapshot of the children, sorted by label values for stable output.</summary>
    private protected IEnumerable<(string[] Values, TChild Child)> Children =>
        _children.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value);

    void IMetricFamily.Write(PrometheusTextWriter writer) => Write(writer);

    internal abstract void Write(PrometheusTextWriter writer);
}
