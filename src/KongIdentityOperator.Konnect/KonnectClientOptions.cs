namespace KongIdentityOperator.Konnect;

/// <summary>Retry, timeout and rate-limit settings of the Konnect client.</summary>
public sealed class KonnectClientOptions
{
    /// <summary>Retries after the first attempt of a request that is safe to repeat (never a POST). Default 3, so at most 4 attempts.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Base delay of the exponential backoff (with jitter) after a 5xx or a transport failure. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of one backoff delay. Default 30 s.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait after a 429 that carries no <c>Retry-After</c> header. Default 15 s (what Kong's own operator uses).</summary>
    public TimeSpan DefaultRetryAfter { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The longest a call waits in-process: a 429 or 503 asking to wait longer, or a client-side rate-limit slot
    /// further away, is not waited for: the call fails with <see cref="Errors.KonnectApiException.RetryAfter"/> set,
    /// so the caller requeues and its worker serves other objects. Default 5 s.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest <c>Retry-After</c> (or rate-limit reset) honoured; a server asking for more is asked again after this. Default 5 min.</summary>
    public TimeSpan RetryAfterCap { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Timeout of opening a TCP (and TLS) connection to Konnect. Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of one HTTP attempt. Default 20 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Timeout of a whole call, retries and waits included: the most one call can hold a worker. Default 60 s.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Calls in flight at once per (server URL, token). One more waits at most <see cref="MaxInFlightWait"/> for a
    /// slot, then fails with <see cref="Errors.KonnectConnectionBusyException"/> without a request, so a slow or
    /// hanging server holds at most this many workers. Default 2.
    /// </summary>
    public int MaxInFlightPerConnection { get; set; } = 2;

    /// <summary>
    /// How long a call waits for a slot of its connection before giving up for a requeue, while the connection's
    /// calls are ending (not at all when none ended for a second: the server is stuck). Default 250 ms.
    /// </summary>
    public TimeSpan MaxInFlightWait { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Client-side request budget per (server URL, token) and minute until the server says otherwise. Default 3000 (50/s).</summary>
    public int RateLimitPerMinute { get; set; } = 3000;

    /// <summary>Requests a key may send back to back before the steady rate applies. Default 10.</summary>
    public int RateLimitBurst { get; set; } = 10;

    /// <summary>How long to pause a key when the server says <c>RateLimit-Remaining: 0</c> without a reset time. Default 1 s.</summary>
    public TimeSpan DefaultRateLimitReset { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>What is wrong with these options; empty when they are usable.</summary>
    internal List<string> Problems()
    {
        var problems = new List<string>();
        Check(MaxRetryAttempts is >= 0 and <= 10, nameof(MaxRetryAttempts), "must be between 0 and 10");
        Check(RetryBaseDelay > TimeSpan.Zero, nameof(RetryBaseDelay), "must be positive");
        Check(RetryMaxDelay >= RetryBaseDelay, nameof(RetryMaxDelay), "must not be below RetryBaseDelay");
        Check(DefaultRetryAfter > TimeSpan.Zero, nameof(DefaultRetryAfter), "must be positive");
        Check(MaxRetryAfter >= TimeSpan.Zero, nameof(MaxRetryAfter), "must not be negative");
        Check(RetryAfterCap >= MaxRetryAfter, nameof(RetryAfterCap), "must not be below MaxRetryAfter");
        Check(ConnectTimeout > TimeSpan.Zero, nameof(ConnectTimeout), "must be positive");
        Check(MaxInFlightPerConnection > 0, nameof(MaxInFlightPerConnection), "must be positive");
        Check(MaxInFlightWait >= TimeSpan.Zero, nameof(MaxInFlightWait), "must not be negative");
        Check(AttemptTimeout >= TimeSpan.FromMilliseconds(10), nameof(AttemptTimeout), "must be at least 10 ms");
        Check(TotalTimeout >= AttemptTimeout, nameof(TotalTimeout), "must not be below AttemptTimeout");
        Check(RateLimitPerMinute > 0, nameof(RateLimitPerMinute), "must be positive");
        Check(RateLimitBurst > 0, nameof(RateLimitBurst), "must be positive");
        Check(DefaultRateLimitReset > TimeSpan.Zero, nameof(DefaultRateLimitReset), "must be positive");
        return problems;

        void Check(bool condition, string name, string rule)
        {
            if (!condition)
            {
                problems.Add($"KonnectClientOptions.{name} {rule}.");
            }
        }
    }
}
