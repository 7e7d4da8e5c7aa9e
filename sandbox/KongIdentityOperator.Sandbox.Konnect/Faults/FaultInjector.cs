namespace KongIdentityOperator.Sandbox.Konnect.Faults;

/// <summary>Holds the faults in force and rolls the dice for each affected call (thread-safe).</summary>
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly Random _random;
    private EmulatorFaults _faults;
    private int _throttleRemaining;

    public FaultInjector(EmulatorFaults initial, int? seed, TimeProvider time)
    {
        _random = seed is null ? new Random() : new Random(seed.Value);
        _faults = initial;
        _throttleRemaining = initial.ThrottleNext;
        RateLimiter = new RateLimiter(time);
    }

    public RateLimiter RateLimiter { get; }

    public EmulatorFaults Current
    {
        get
        {
            lock (_gate)
            {
                return _faults with { ThrottleNext = _throttleRemaining };
            }
        }
    }

    /// <summary>Replaces the faults; rate-limit windows start afresh.</summary>
    public void Set(EmulatorFaults faults)
    {
        lock (_gate)
        {
            _faults = faults;
            _throttleRemaining = faults.ThrottleNext;
        }

        RateLimiter.Clear();
    }

    /// <summary>Decides the fate of one affected call.</summary>
    public FaultPlan Plan()
    {
        lock (_gate)
        {
            var throttle = _throttleRemaining > 0;
            if (throttle)
            {
                _throttleRemaining--;
            }

            var delay = _faults.LatencyMs;
            if (_faults.LatencySpikeRate > 0 && _random.NextDouble() < _faults.LatencySpikeRate)
            {
                delay += _faults.LatencySpikeMs;
            }

            var fail = _faults.ErrorRate > 0 && _random.NextDouble() < _faults.ErrorRate;
            var status = fail ? ServerErrors[_random.Next(ServerErrors.Length)] : 0;
            return new FaultPlan(_faults, throttle, TimeSpan.FromMilliseconds(delay), status);
        }
    }

    private static readonly int[] ServerErrors = [500, 502, 503];
}
