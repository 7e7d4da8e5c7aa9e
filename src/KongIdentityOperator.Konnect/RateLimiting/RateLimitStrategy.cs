using KongIdentityOperator.Konnect.Http;
using Polly;

namespace KongIdentityOperator.Konnect.RateLimiting;

/// <summary>
/// The rate limiter as a step of the resilience pipeline, between the retry and the per-attempt timeout: every
/// attempt (retries too) takes a slot, a wait for a slot does not eat into the attempt's timeout, and every
/// answer's rate-limit headers are learnt.
/// </summary>
internal sealed class RateLimitStrategy(KonnectRateLimiter limiter) : ResilienceStrategy<HttpResponseMessage>
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback,
        ResilienceContext context,
        TState state)
    {
        var key = KonnectRequestState.From(context.GetRequestMessage())?.RateLimitKey;
        if (key is null)
        {
            return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        }

        try
        {
            await limiter.AcquireAsync(key, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
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
}
