namespace KongIdentityOperator.Runtime.Metrics;

/// <summary>Observations counted into cumulative buckets (Prometheus <c>histogram</c>).</summary>
public sealed class Histogram : Metric<Histogram.Child>
{
    internal Histogram(string name, string help, IReadOnlyList<double> buckets, IReadOnlyList<string> labelNames)
        : base(name, help, labelNames)
    {
        if (buckets.Count == 0 || buckets.Zip(buckets.Skip(1)).Any(pair => pair.First >= pair.Second))
        {
            throw new ArgumentException($"The buckets of {name} must be non-empty and strictly increasing.", nameof(buckets));
        }

        Buckets = [.. buckets.Where(b => !double.IsPositiveInfinity(b))];
    }

    /// <summary>The upper bounds, without the implicit <c>+Inf</c>.</summary>
    public IReadOnlyList<double> Buckets { get; }

    public override MetricType Type => MetricType.Histogram;

    /// <summary>Records an observation in the unlabelled series.</summary>
    public void Observe(double value) => WithLabels().Observe(value);

    private protected override Child CreateChild() => new(Buckets);

    internal override void Write(PrometheusTextWriter writer)
    {
        writer.WriteHeader(this);
        foreach (var (values, child) in Children)
        {
            var (counts, sum, count) = child.Snapshot();
            long cumulative = 0;
            for (var i = 0; i < Buckets.Count; i++)
            {
                cumulative += counts[i];
                writer.WriteBucket(Name, LabelNames, values, PrometheusTextWriter.FormatValue(Buckets[i]), cumulative);
            }

            writer.WriteBucket(Name, LabelNames, values, "+Inf", count);
            writer.WriteSample(Name + "_sum", LabelNames, values, sum);
            writer.WriteSample(Name + "_count", LabelNames, values, count);
        }
    }

    /// <summary>One labelled series of a <see cref="Histogram"/>.</summary>
    public sealed class Child
    {
        private readonly IReadOnlyList<double> _bounds;
        private readonly long[] _counts;
        private readonly Lock _lock = new();
        private double _sum;
        private long _count;

        internal Child(IReadOnlyList<double> bounds)
        {
            _bounds = bounds;
            _counts = new long[bounds.Count];
        }

        public long Count
        {
            get
            {
                lock (_lock)
                {
                    return _count;
                }
            }
        }

        public double Sum
        {
            get
            {
                lock (_lock)
                {
                    return _sum;
                }
            }
        }

        public void Observe(double value)
        {
            lock (_lock)
            {
                for (var i = 0; i < _bounds.Count; i++)
                {
                    if (value <= _bounds[i])
                    {
                        _counts[i]++;
                        break;
                    }
                }

                _sum += value;
                _count++;
            }
        }

        internal (long[] Counts, double Sum, long Count) Snapshot()
        {
            lock (_lock)
            {
                return ((long[])_counts.Clone(), _sum, _count);
            }
        }
    }
}
