using KongIdentityOperator.Sandbox.KubeApi.Discovery;
using KongIdentityOperator.Sandbox.KubeApi.Errors;
using KongIdentityOperator.Sandbox.KubeApi.OpenApi;
using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Sandbox.KubeApi.Http;

/// <summary>Health, version, discovery and OpenAPI: the paths that are not resources.</summary>
internal sealed class NonResourceHandler(DiscoveryDocuments discovery, OpenApiDocuments openApi)
{
    public Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            throw ApiErrors.MethodNotAllowed("the server does not allow this method on the requested resource");
        }

        var segments = context.Request.Path.Value?.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return segments switch
        {
            ["healthz" or "livez" or "readyz", ..] => Responses.WriteAsync(context, 200, "ok"u8.ToArray(), "text/plain; charset=utf-8"),
            ["version"] => Responses.WriteAsync(context, 200, DiscoveryDocuments.Version()),
            ["api"] => Responses.WriteAsync(context, 200, DiscoveryDocuments.CoreVersions($"{context.Request.Host}")),
            ["apis"] => Responses.WriteAsync(context, 200, discovery.Groups()),
            ["api", var version] => Found(context, discovery.ResourceList(string.Empty, version)),
            ["apis", var group] => Found(context, discovery.Group(group)),
            ["apis", var group, var version] => Found(context, discovery.ResourceList(group, version)),
            ["openapi", "v3"] => Responses.WriteAsync(context, 200, openApi.Index()),
            ["openapi", "v3", "api", var version] => Found(context, openApi.Document(string.Empty, version)),
            ["openapi", "v3", "apis", var group, var version] => Found(context, openApi.Document(group, version)),
            _ => throw ApiErrors.ResourceNotFound(),
        };
    }

    private static Task Found(HttpContext context, System.Text.Json.Nodes.JsonObject? document) =>
        document is null ? throw ApiErrors.ResourceNotFound() : Responses.WriteAsync(context, 200, document);
}
