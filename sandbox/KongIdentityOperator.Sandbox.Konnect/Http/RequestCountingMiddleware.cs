using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KongIdentityOperator.Sandbox.Konnect.Http;

/// <summary>Counts every non-hook call by method and route template (after routing), and its status as the response starts.</summary>
internal sealed class RequestCountingMiddleware(RequestDelegate next, EmulatorRequestLog log)
{
    /// <summary>The key for calls no route matched (the 404 fallback).</summary>
    public const string Unmatched = "(unmatched)";

    public Task InvokeAsync(HttpContext context)
    {
        if (ApiKinds.Of(context.Request.Path) == ApiKind.Hook)
        {
            return next(context);
        }

        var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        log.Record(context.Request.Method, template is null || !template.StartsWith('/') ? Unmatched : template.TrimEnd('/'));
        context.Response.OnStarting(() =>
        {
            log.RecordStatus(context.Response.StatusCode);
            return Task.CompletedTask;
        });
        return next(context);
    }
}
