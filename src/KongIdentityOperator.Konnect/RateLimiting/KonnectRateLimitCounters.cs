namespace KongIdentityOperator.Konnect.RateLimiting;

/// <summary>What the client-side rate limiter did for one key since the process started.</summary>
/// <param name="Key">The (server URL, token hash) budget.</param>
/// <param name="Calls">HTTP attempts let through (retries included).</param>
/// <param name="RateLimited">429 answers received.</param>
/// <param name="TimeWaiting">Total time callers were held back by the limiter.</param>
/// <param name="LimitPerMinute">The budget in force: the configured one, or what the server last announced.</param>
/// <param name="Deferred">Calls refused because the next slot was further away than a call may wait; their callers requeue.</param>
public sealed record KonnectRateLimitCounters(
    KonnectRateLimitKey Key,
    long Calls,
    long RateLimited,
    TimeSpan TimeWaiting,
    int LimitPerMinute,
    long Deferred = 0);
