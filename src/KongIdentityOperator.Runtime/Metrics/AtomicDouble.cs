namespace KongIdentityOperator.Runtime.Metrics;

/// <summary>A double updated without locks (compare-and-swap), for counters and gauges on hot paths.</summary>
internal sealed class AtomicDouble
{
    private double _value;

    public double Value => Volatile.Read(ref _value);

    public void Set(double value) => Interlocked.Exchange(ref _value, value);

    public void Add(double delta)
    {
        var current = Volatile.Read(ref _value);
        while (true)
        {
            var seen = Interlocked.CompareExchange(ref _value, current + delta, current);
            if (seen.Equals(current))
            {
                return;
            }

            current = seen;
        }
    }
}
