using KongIdentityOperator.Konnect.Http;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace KongIdentityOperator.Konnect.Observability;

/// <summary>
/// Logs (Debug) and reports every attempt: method, route template, status, duration, attempt number. It sits just
/// outside the per-attempt timeout, so it can tell a timeout from a cancellation and does not count rate-limit waits.
/// </summary>
internal sealed partial class CallObserverStrategy(
    IReadOnlyList<IKonnectCallObserver> observers,
    ILogger logger,
    TimeProvider time) : ResilienceStrategy<HttpResponseMessage>
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback,
        ResilienceContext context,
        TState state)
    {
        var request = context.GetRequestMessage();
        var requestState = KonnectRequestState.From(request);
        var attempt = requestState?.BeginAttempt() ?? 1;
        var started = time.GetTimestamp();

        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);

        var call = new KonnectCallAttempt(
            request?.Method.Method ?? "?",
            requestState?.RouteTemplate ?? "?",
            outcome.Result is { } response ? (int)response.StatusCode : null,
            attempt,
            time.GetElapsedTime(started),
            requestState?.RateLimitKey,
            outcome.Exception switch
            {
                null => null,
                TimeoutRejectedException => "timeout",
                OperationCanceledException => "canceled",
                _ => "transport",
            });
        Report(call);
        return outcome;
    }

    private void Report(KonnectCallAttempt call)
    {
        if (call.StatusCode is { } status)
        {
            LogAnswered(logger, call.Method, call.Route, status, call.Duration.TotalMilliseconds, call.Attempt);
        }
        else
        {
            LogFailed(logger, call.Method, call.Route, call.Failure, call.Duration.TotalMilliseconds, call.Attempt);
        }

        foreach (var observer in observers)
        {
            observer.OnAttempt(call);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Konnect {Method} {Route} answered {Status} in {ElapsedMs:0} ms (attempt {Attempt})")]
    private static partial void LogAnswered(ILogger logger, string method, string route, int status, double elapsedMs, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Konnect {Method} {Route} got no answer ({Failure}) after {ElapsedMs:0} ms (attempt {Attempt})")]
    private static partial void LogFailed(ILogger logger, string method, string route, string? failure, double elapsedMs, int attempt);
}
