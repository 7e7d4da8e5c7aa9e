using KongIdentityOperator.Konnect.RateLimiting;

namespace KongIdentityOperator.Konnect.Observability;

/// <summary>One HTTP attempt against Konnect.</summary>
/// <param name="Method">e.g. <c>GET</c>.</param>
/// <param name="Route">The route template, e.g. <c>/v1/auth-servers/{authServerId}/clients</c> (no ids, no query).</param>
/// <param name="StatusCode">The answer's status, or <see langword="null"/> when none came (<paramref name="Failure"/> says why).</param>
/// <param name="Attempt">1 for the first attempt, 2 for the first retry, …</param>
/// <param name="Duration">Time from sending to the answer's headers (or the failure).</param>
/// <param name="Key">The rate-limit key (server URL and token hash; never the token).</param>
/// <param name="Failure">Without an answer: <c>timeout</c>, <c>canceled</c> or <c>transport</c>.</param>
public sealed record KonnectCallAttempt(
    string Method,
    string Route,
    int? StatusCode,
    int Attempt,
    TimeSpan Duration,
    KonnectRateLimitKey? Key,
    string? Failure = null)
{
    /// <summary>Method and route template, e.g. <c>GET /v1/auth-servers/{authServerId}/clients</c>.</summary>
    public string Operation => $"{Method} {Route}";

    /// <summary>This attempt was a retry.</summary>
    public bool IsRetry => Attempt > 1;
}
