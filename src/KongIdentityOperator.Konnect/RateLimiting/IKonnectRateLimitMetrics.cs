namespace KongIdentityOperator.Konnect.RateLimiting;

/// <summary>Read access to the rate limiter's counters, for metrics and benchmarks.</summary>
public interface IKonnectRateLimitMetrics
{
    /// <summary>Counters of every key seen so far.</summary>
    IReadOnlyList<KonnectRateLimitCounters> Snapshot();
}
