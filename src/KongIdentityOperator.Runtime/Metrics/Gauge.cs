namespace KongIdentityOperator.Runtime.Metrics;

/// <summary>A value that goes up and down (Prometheus <c>gauge</c>).</summary>
public sealed class Gauge : Metric<Gauge.Child>
{
    internal Gauge(string name, string help, IReadOnlyList<string> labelNames)
        : base(name, help, labelNames)
    {
    }

    public override MetricType Type => MetricType.Gauge;

    /// <summary>Sets the unlabelled series.</summary>
    public void Set(double value) => WithLabels().Set(value);

    private protected override Child CreateChild() => new();

    internal override void Write(PrometheusTextWriter writer)
    {
        writer.WriteHeader(this);
        foreach (var (values, child) in Children)
        {
            writer.WriteSample(Name, LabelNames, values, child.Value);
        }
    }

    /// <summary>One labelled series of a <see cref="Gauge"/>.</summary>
    public sealed class Child
    {
        private readonly AtomicDouble _value = new();

        internal Child()
        {
        }

        public double Value => _value.Value;

        public void Set(double value) => _value.Set(value);

        public void Inc(double amount = 1) => _value.Add(amount);

        public void Dec(double amount = 1) => _value.Add(-amount);
    }
}
