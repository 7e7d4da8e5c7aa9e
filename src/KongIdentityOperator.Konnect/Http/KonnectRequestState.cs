using KongIdentityOperator.Konnect.RateLimiting;

namespace KongIdentityOperator.Konnect.Http;

/// <summary>
/// What the handlers below the client need to know about a request, carried in its options: the route template
/// (for logs and metrics, never the URL), the rate-limit key, and how many attempts were made.
/// </summary>
internal sealed class KonnectRequestState(string routeTemplate, KonnectRateLimitKey rateLimitKey)
{
    public static readonly HttpRequestOptionsKey<KonnectRequestState> Key = new("KongIdentityOperator.Konnect.Request");

    private int _attempts;

    public string RouteTemplate { get; } = routeTemplate;

    public KonnectRateLimitKey RateLimitKey { get; } = rateLimitKey;

    /// <summary>Attempts made so far.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Counts a new attempt and returns its 1-based number.</summary>
    public int BeginAttempt() => Interlocked.Increment(ref _attempts);

    public static KonnectRequestState? From(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Key, out var state) ? state : null;
}
