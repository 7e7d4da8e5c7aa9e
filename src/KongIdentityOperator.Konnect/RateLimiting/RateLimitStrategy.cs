using System.Net;
using KongIdentityOperator.Konnect.Errors;
using KongIdentityOperator.Konnect.Http;
using Polly;

namespace KongIdentityOperator.Konnect.RateLimiting;

/// <summary>
/// The rate limiter as a step of the resilience pipeline, between the retry and the per-attempt timeout: every
/// attempt (retries too) takes a slot, a wait for a slot does not eat into the attempt's timeout, and every
/// answer's rate-limit headers are learnt. A slot further away than <see cref="KonnectClientOptions.MaxRetryAfter"/>
/// is not waited for: the attempt fails with a local 429 saying until when, and the caller requeues.
/// </summary>
internal sealed class RateLimitStrategy(KonnectRateLimiter limiter, KonnectClientOptions options, TimeProvider time) : ResilienceStrategy<HttpResponseMessage>
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback,
        ResilienceContext context,
        TState state)
    {
        var request = KonnectRequestState.From(context.GetRequestMessage());
        var key = request?.RateLimitKey;
        if (key is null)
        {
            return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        }

        try
        {
            if (await limiter.TryAcquireAsync(key, options.MaxRetryAfter, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext) is { } wait)
            {
                return Outcome.FromException<HttpResponseMessage>(Deferred(context.GetRequestMessage()?.Method.Method ?? "?", request!.RouteTemplate, wait));
            }
        }
        catch (OperationCanceledException cancelled)
        {
            return Outcome.FromException<HttpResponseMessage>(cancelled);
        }

        try
        {
            var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
            if (outcome.Result is { } response)
            {
                limiter.Observe(key, response);
            }

            return outcome;
        }
        finally
        {
            limiter.Release(key);
        }
    }

    private KonnectApiException Deferred(string method, string route, TimeSpan wait)
    {
        var until = time.GetUtcNow() + wait;
        return new KonnectApiException(HttpStatusCode.TooManyRequests, method, route)
        {
            IsLocal = true,
            Title = "Rate limit budget used up",
            Detail = $"The Konnect rate limit of this connection (server and token) is used up until {until.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}, following Konnect's rate-limit headers and Retry-After; retrying then.",
            RetryAfter = wait,
            RetryAt = until,
        };
    }
}
