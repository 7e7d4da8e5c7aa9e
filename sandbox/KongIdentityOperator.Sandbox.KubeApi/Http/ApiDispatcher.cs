using KongIdentityOperator.Sandbox.KubeApi.Errors;
using KongIdentityOperator.Sandbox.KubeApi.Registry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KongIdentityOperator.Sandbox.KubeApi.Http;

/// <summary>
/// The single request entry point: test hooks, injected latency and failures, routing to resource or
/// non-resource handlers, Status bodies for every failure, and the request log.
/// </summary>
internal sealed class ApiDispatcher(
    ResourceRegistry registry,
    ResourceHandler resources,
    NonResourceHandler nonResources,
    SandboxEndpoints sandbox,
    KubeApiHooks hooks,
    RequestLog log,
    TimeProvider time,
    ILogger logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/_sandbox", StringComparison.Ordinal))
        {
            await RunAsync(context, () => sandbox.HandleAsync(context));
            return;
        }

        var info = RequestInfoParser.Parse(context.Request);
        context.Response.OnStarting(() =>
        {
            log.Add(Entry(context, info));
            return Task.CompletedTask;
        });
        await RunAsync(context, async () =>
        {
            if (hooks.Latency > TimeSpan.Zero)
            {
                await Task.Delay(hooks.Latency, time, context.RequestAborted);
            }

            if (!info.IsResourceRequest)
            {
                await nonResources.HandleAsync(context);
                return;
            }

            if (info.Verb != "watch")
            {
                // The deadline filter parses client-go's "timeout=32s" on every request that is not long-running.
                _ = QueryParameters.Timeout(context.Request.Query);
            }

            if (info.IsWrite && hooks.TryTakeWriteFailure(out var status))
            {
                throw InjectedFailure(status);
            }

            var definition = registry.Find(info.Group, info.Version, info.Resource) ?? throw ApiErrors.ResourceNotFound();
            await resources.HandleAsync(context, info, definition);
        });
    }

    private async Task RunAsync(HttpContext context, Func<Task> handler)
    {
        try
        {
            await handler();
        }
        catch (StatusException e) when (!context.Response.HasStarted)
        {
            if (e.Details?.RetryAfterSeconds is { } retry)
            {
                context.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await Responses.WriteAsync(context, e.Code, e.ToStatus());
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client hung up; nothing to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OutOfMemoryException)
        {
            logger.LogError(e, "Unhandled failure serving {Method} {Path}", context.Request.Method, context.Request.Path);
            await Responses.WriteAsync(context, 500, new StatusException(500, StatusReasons.InternalError, $"an internal error occurred in the sandbox API server: {e.GetType().Name}: {e.Message}").ToStatus());
        }
    }

    private static StatusException InjectedFailure(int status) => status switch
    {
        409 => new StatusException(409, StatusReasons.Conflict, "Operation cannot be fulfilled: the object has been modified; please apply your changes to the latest version and try again (injected by the sandbox)"),
        429 => new StatusException(429, StatusReasons.TooManyRequests, "Too many requests, please try again later. (injected by the sandbox)", new StatusDetails(null, null, null) { RetryAfterSeconds = 1 }),
        _ => new StatusException(status, StatusReasons.ForCode(status), $"injected failure {status} (by the sandbox)"),
    };

    private RequestLogEntry Entry(HttpContext context, RequestInfo info) =>
        new(info.Verb, info.Group, info.Version, info.Resource, info.Namespace, info.Name, info.Subresource, context.Request.Headers.UserAgent.ToString(), context.Response.StatusCode)
        {
            Method = context.Request.Method,
            Path = context.Request.Path.Value ?? string.Empty,
            Query = context.Request.QueryString.Value ?? string.Empty,
            ContentType = context.Request.ContentType,
            Time = time.GetUtcNow(),
        };
}
