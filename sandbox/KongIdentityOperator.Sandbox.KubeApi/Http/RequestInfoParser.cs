using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Sandbox.KubeApi.Http;

/// <summary>
/// Parses <c>/api/v1/...</c> and <c>/apis/{group}/{version}/...</c> paths the way apiserver's RequestInfoFactory
/// does, including <c>namespaces/{ns}/status|finalize</c> being the Namespace's own subresources.
/// </summary>
internal static class RequestInfoParser
{
    public static RequestInfo Parse(HttpRequest request)
    {
        var segments = request.Path.Value?.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        string group;
        string version;
        int rest;
        if (segments is ["api", var coreVersion, _, ..])
        {
            (group, version, rest) = (string.Empty, coreVersion, 2);
        }
        else if (segments is ["apis", var g, var v, _, ..])
        {
            (group, version, rest) = (g, v, 3);
        }
        else
        {
            return RequestInfo.NonResource(request.Method);
        }

        var parts = segments[rest..];
        var ns = string.Empty;
        if (parts is ["namespaces", var nsName, var next, ..] && next is not ("status" or "finalize"))
        {
            ns = nsName;
            parts = parts[2..];
        }

        var resource = parts[0];
        var name = parts.Length > 1 ? parts[1] : string.Empty;
        var subresource = parts.Length > 2 ? string.Join('/', parts[2..]) : string.Empty;
        var verb = Verb(request, hasName: name.Length > 0);
        return new RequestInfo(true, verb, group, version, ns, resource, name, subresource);
    }

    private static string Verb(HttpRequest request, bool hasName)
    {
        // apimachinery's boolean parameter: "True", "1", "yes"... all watch; only "0" and "false" (any case) do not.
        var watch = QueryParameters.Bool(request.Query, "watch");
        return request.Method switch
        {
            "GET" or "HEAD" when watch => "watch",
            "GET" or "HEAD" => hasName ? "get" : "list",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" => hasName ? "delete" : "deletecollection",
            _ => request.Method.ToLowerInvariant(),
        };
    }
}
