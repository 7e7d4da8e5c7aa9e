using System.Net;
using Polly;
using Polly.Timeout;

namespace KongIdentityOperator.Konnect.Http;

/// <summary>
/// When to retry and how long to wait: transport failures, attempt timeouts, 408, 429 and 5xx are retried, but only
/// for methods that are safe to repeat — a POST is never retried, because Konnect may have created the object even
/// when the answer was lost.
/// </summary>
internal sealed class RetryRules(KonnectClientOptions options, TimeProvider time)
{
    private static readonly HashSet<HttpMethod> RepeatableMethods =
        [HttpMethod.Get, HttpMethod.Head, HttpMethod.Options, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch];

    public bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested || request is null || !RepeatableMethods.Contains(request.Method))
        {
            return false;
        }

        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException;
        }

        var response = outcome.Result;
        if (response is null || !IsTransient(response.StatusCode))
        {
            return false;
        }

        // A server that asks for a long pause is better served by the caller requeueing than by a blocked call.
        return ServerDelay(response) is not { } wait || wait <= options.MaxRetryAfter;
    }

    /// <summary>The wait the server asked for; <see langword="null"/> means "use exponential backoff".</summary>
    public TimeSpan? ServerDelay(HttpResponseMessage? response) =>
        response is null ? null : RetryAfterHeader.ForResponse(response, time.GetUtcNow(), options.DefaultRetryAfter);

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        || ((int)status >= 500 && status is not HttpStatusCode.NotImplemented and not HttpStatusCode.HttpVersionNotSupported);
}
