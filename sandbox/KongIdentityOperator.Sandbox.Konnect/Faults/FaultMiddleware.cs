using System.Globalization;
using KongIdentityOperator.Sandbox.Konnect.Http;
using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Sandbox.Konnect.Faults;

/// <summary>
/// Applies rate limits, throttling, latency and 5xx to API calls (issuer calls only when asked).
/// Rate-limit headers go on every response while a limit is configured.
/// </summary>
internal sealed class FaultMiddleware(RequestDelegate next, FaultInjector injector, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var kind = ApiKinds.Of(context.Request.Path);
        var faults = injector.Current;
        if (!(kind.IsManagementApi() || (kind == ApiKind.Issuer && faults.ApplyToIssuer)))
        {
            await next(context);
            return;
        }

        var plan = injector.Plan();
        if (plan.Faults.RateLimitPerMinute > 0)
        {
            var caller = BearerTokens.Read(context.Request) ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous";
            var decision = injector.RateLimiter.Check(caller, plan.Faults.RateLimitPerMinute);
            WriteRateLimitHeaders(context.Response, decision);
            if (!decision.Allowed)
            {
                await WriteTooManyRequestsAsync(context, decision.ResetSeconds);
                return;
            }
        }

        if (plan.Throttle)
        {
            if (plan.Faults.RateLimitPerMinute == 0)
            {
                WriteRateLimitHeaders(context.Response, new RateLimitDecision(false, 0, 0, 1));
            }

            await WriteTooManyRequestsAsync(context, retryAfterSeconds: 1);
            return;
        }

        if (plan.Delay > TimeSpan.Zero)
        {
            await Task.Delay(plan.Delay, time, context.RequestAborted);
        }

        if (plan.ErrorStatus != 0)
        {
            var title = plan.ErrorStatus == StatusCodes.Status503ServiceUnavailable ? "Service Unavailable" : "Internal Server Error";
            await ErrorResponses.WriteAsync(context, plan.ErrorStatus, title, "Injected fault: the emulator was told to fail this call");
            return;
        }

        await next(context);
    }

    private static void WriteRateLimitHeaders(HttpResponse response, RateLimitDecision decision)
    {
        response.Headers["RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["RateLimit-Reset"] = decision.ResetSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Limit-Minute"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Remaining-Minute"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
    }

    private static Task WriteTooManyRequestsAsync(HttpContext context, int retryAfterSeconds)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return context.Response.WriteAsJsonAsync(
            new RateLimitBody("API rate limit exceeded"),
            EmulatorJsonContext.Default.RateLimitBody,
            "application/json; charset=utf-8",
            context.RequestAborted);
    }
}
