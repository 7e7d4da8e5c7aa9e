namespace KongIdentityOperator.Sandbox.Konnect.Faults;

/// <summary>
/// A 60 s fixed window per caller (the Bearer token): the first call opens the window, at most N calls pass
/// until it ends. Time comes from the injected <see cref="TimeProvider"/>, so tests can move the window.
/// </summary>
internal sealed class RateLimiter(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> _windows = new(StringComparer.Ordinal);

    public RateLimitDecision Check(string caller, int limit)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_windows.TryGetValue(caller, out var window) || now - window.Start >= Window)
            {
                window = (now, 0);
            }

            var reset = (int)Math.Max(1, Math.Ceiling((window.Start + Window - now).TotalSeconds));
            if (window.Count >= limit)
            {
                _windows[caller] = window;
                return new RateLimitDecision(false, limit, 0, reset);
            }

            window.Count++;
            _windows[caller] = window;
            return new RateLimitDecision(true, limit, limit - window.Count, reset);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _windows.Clear();
        }
    }
}
