using BenchmarkDotNet.Attributes;
using KongIdentityOperator.Konnect.RateLimiting;

namespace KongIdentityOperator.Benchmarks;

/// <summary>Every Konnect attempt takes a slot and gives it back; the lock must not be a bottleneck.</summary>
[MemoryDiagnoser]
public class RateLimiterBenchmarks
{
    private readonly TokenBucket _bucket = new(TimeProvider.System, int.MaxValue / 2, 10);

    [Benchmark]
    public TimeSpan ReserveAndRelease()
    {
        var wait = _bucket.Reserve();
        _bucket.Release();
        return wait;
    }
}
