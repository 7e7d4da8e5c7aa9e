namespace KongIdentityOperator.Runtime.Metrics;

/// <summary>A monotonically increasing value (Prometheus <c>counter</c>).</summary>
public sealed class Counter : Metric<Counter.Child>
{
    internal Counter(string name, string help, IReadOnlyList<string> labelNames)
        : base(name, help, labelNames)
    {
    }

    public override MetricType Type => MetricType.Counter;

    /// <summary>Increments the unlabelled series.</summary>
    public void Inc(double amount = 1) => WithLabels().Inc(amount);

    private protected override Child CreateChild() => new();

    internal override void Write(PrometheusTextWriter writer)
    {
        writer.WriteHeader(this);
        foreach (var (values, child) in Children)
        {
            writer.WriteSample(Name, LabelNames, values, child.Value);
        }
    }

    /// <summary>One labelled series of a <see cref="Counter"/>.</summary>
    public sealed class Child
    {
        private readonly AtomicDouble _value = new();

        internal Child()
        {
        }

        public double Value => _value.Value;

        public void Inc(double amount = 1)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(amount);
            _value.Add(amount);
        }
    }
}
