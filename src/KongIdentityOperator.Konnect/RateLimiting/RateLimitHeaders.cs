using System.Globalization;
using System.Net.Http.Headers;

namespace KongIdentityOperator.Konnect.RateLimiting;

/// <summary>
/// The rate-limit state a Konnect answer announces: <c>RateLimit-Limit</c>, <c>RateLimit-Remaining</c>,
/// <c>RateLimit-Reset</c> (seconds), or Kong's per-minute <c>X-RateLimit-Limit-Minute</c> and
/// <c>X-RateLimit-Remaining-Minute</c>.
/// </summary>
internal readonly record struct RateLimitHeaders(int? LimitPerMinute, int? Remaining, TimeSpan? Reset)
{
    public bool IsEmpty => LimitPerMinute is null && Remaining is null && Reset is null;

    public static RateLimitHeaders Read(HttpResponseHeaders headers) =>
        new(
            Integer(headers, "X-RateLimit-Limit-Minute") ?? Integer(headers, "RateLimit-Limit"),
            Integer(headers, "X-RateLimit-Remaining-Minute") ?? Integer(headers, "RateLimit-Remaining"),
            Integer(headers, "RateLimit-Reset") is { } seconds ? TimeSpan.FromSeconds(seconds) : null);

    // RateLimit-Limit may carry a policy suffix (e.g. "3000, 3000;w=60"); the first number is the limit.
    private static int? Integer(HttpResponseHeaders headers, string name)
    {
        if (!headers.TryGetValues(name, out var values))
        {
            return null;
        }

        var first = values.FirstOrDefault()?.Split([',', ';'], 2)[0].Trim();
        return int.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0 ? number : null;
    }
}
