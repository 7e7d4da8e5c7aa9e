using System.Net.Http.Headers;

namespace KongIdentityOperator.Konnect.Http;

/// <summary>Reads <c>Retry-After</c>: delta seconds or an HTTP date (relative to the given clock).</summary>
internal static class RetryAfterHeader
{
    /// <summary>The wait the server asked for, or <see langword="null"/> when the header is absent or unreadable.</summary>
    public static TimeSpan? Read(HttpResponseHeaders headers, DateTimeOffset now)
    {
        var value = headers.RetryAfter;
        if (value?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (value?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>
    /// The wait to report for a failed answer: the header if present; for a 429 without it, <paramref name="defaultFor429"/>.
    /// </summary>
    public static TimeSpan? ForResponse(HttpResponseMessage response, DateTimeOffset now, TimeSpan defaultFor429) =>
        Read(response.Headers, now) ?? (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests ? defaultFor429 : null);
}
