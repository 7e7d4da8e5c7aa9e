namespace KongIdentityOperator.Konnect.RateLimiting;

/// <summary>
/// A token bucket for one key, kept as a generic cell rate (GCRA): each caller reserves the next slot under a
/// short lock and is told how long to wait; nobody waits while holding the lock, and slots are handed out in
/// arrival order, which keeps it fair under concurrency. A pause (server says 0 remaining, or 429) moves every
/// later slot past the pause.
/// </summary>
/// <remarks>
/// When answers carry <c>RateLimit-Remaining</c> and <c>RateLimit-Reset</c>, the bucket also follows the server's
/// window: requests let through and not yet answered count against what the server says remains, and once that is
/// used up the next slot is at the window's end. Pacing at the server's limit alone would still overrun a fixed
/// window that the server started at another moment than we did; this way no 429 is provoked and none of the
/// window's budget is left unused.
/// </remarks>
internal sealed class TokenBucket
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly int _configuredBurst;
    private int _burst;
    private int _limitPerMinute;
    private TimeSpan _interval;
    private TimeSpan _theoreticalArrival;
    private TimeSpan _pausedUntil;
    private TimeSpan? _windowEnd;
    private int _windowRemaining;
    private int _inFlight;
    private long _calls;
    private long _rateLimited;
    private long _deferred;
    private TimeSpan _timeWaiting;

    public TokenBucket(TimeProvider time, int limitPerMinute, int burst)
    {
        _time = time;
        _origin = time.GetTimestamp();
        _configuredBurst = burst;
        SetLimit(limitPerMinute);
    }

    /// <summary>
    /// Takes the next slot and returns how long the caller must wait before sending. The request counts as in
    /// flight until <see cref="Release"/>.
    /// </summary>
    public TimeSpan Reserve()
    {
        TryReserve(TimeSpan.MaxValue, out var wait);
        return wait;
    }

    /// <summary>
    /// Takes the next slot only if it is at most <paramref name="maxWait"/> away (then as <see cref="Reserve"/>);
    /// otherwise takes nothing and returns false, with <paramref name="wait"/> saying how far away it is.
    /// </summary>
    public bool TryReserve(TimeSpan maxWait, out TimeSpan wait)
    {
        lock (_gate)
        {
            var now = Now;
            var start = Max(now, _pausedUntil);
            if (_windowEnd is { } end && now < end && _windowRemaining - _inFlight <= 0)
            {
                start = Max(start, end);
            }

            var arrival = Max(_theoreticalArrival, start);
            var allowedAt = Max(arrival - (_interval * (_burst - 1)), start);
            wait = allowedAt - now;
            if (wait > maxWait)
            {
                _deferred++;
                return false;
            }

            _inFlight++;
            _theoreticalArrival = arrival + _interval;
            _calls++;
            _timeWaiting += wait;
            return true;
        }
    }

    /// <summary>A request taken with <see cref="Reserve"/> was answered, failed or was given up.</summary>
    public void Release()
    {
        lock (_gate)
        {
            _inFlight = Math.Max(0, _inFlight - 1);
        }
    }

    /// <summary>Applies what an answer announced: a new per-minute limit, the window's budget, and a pause when nothing remains.</summary>
    public void Observe(RateLimitHeaders headers, TimeSpan defaultReset)
    {
        lock (_gate)
        {
            if (headers.LimitPerMinute is > 0 and var limit && limit != _limitPerMinute)
            {
                SetLimit(limit);
            }

            if (headers is { Remaining: { } remaining, Reset: { } reset })
            {
                ObserveWindow(remaining, reset);
            }

            if (headers.Remaining == 0)
            {
                PauseFor(headers.Reset ?? defaultReset);
            }
        }
    }

    /// <summary>Counts a 429 and pauses the key for the time the server asked for.</summary>
    public void OnRateLimited(TimeSpan pause)
    {
        lock (_gate)
        {
            _rateLimited++;
            PauseFor(pause);
        }
    }

    public KonnectRateLimitCounters Snapshot(KonnectRateLimitKey key)
    {
        lock (_gate)
        {
            return new KonnectRateLimitCounters(key, _calls, _rateLimited, _timeWaiting, _limitPerMinute, _deferred);
        }
    }

    private TimeSpan Now => _time.GetElapsedTime(_origin);

    private void SetLimit(int limitPerMinute)
    {
        _limitPerMinute = limitPerMinute;
        _interval = TimeSpan.FromMinutes(1) / limitPerMinute;

        // A burst larger than the whole minute's budget would overrun a small server limit at once.
        _burst = Math.Clamp(_configuredBurst, 1, limitPerMinute);
    }

    private void PauseFor(TimeSpan pause) => _pausedUntil = Max(_pausedUntil, Now + pause);

    // RateLimit-Reset is whole seconds rounded up, so now + reset is never before the real end: the smallest such
    // estimate is the best one. An estimate a second or more past the current end belongs to the next window.
    private void ObserveWindow(int remaining, TimeSpan reset)
    {
        var end = Now + reset;
        if (_windowEnd is not { } current || Now >= current || end > current + TimeSpan.FromSeconds(1))
        {
            _windowEnd = end;
            _windowRemaining = remaining;
            return;
        }

        _windowEnd = Min(current, end);
        _windowRemaining = Math.Min(_windowRemaining, remaining);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
