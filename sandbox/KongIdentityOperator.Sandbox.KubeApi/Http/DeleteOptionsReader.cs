using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Json;
using KongIdentityOperator.Sandbox.KubeApi.Operations;
using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Sandbox.KubeApi.Http;

/// <summary>Reads a DELETE's options from its optional DeleteOptions body and its query string.</summary>
internal static class DeleteOptionsReader
{
    public static async Task<DeleteRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0
            ? await RequestBody.ReadAsync(request, yaml: false, cancellationToken) as JsonObject
            : null;
        var query = request.Query;
        var policy = body.StringAt("propagationPolicy") ?? NullIfEmpty(query["propagationPolicy"].ToString());
        if (policy is null && body?["orphanDependents"] is JsonValue orphan && orphan.GetValueKind() == System.Text.Json.JsonValueKind.True)
        {
            policy = "Orphan";
        }

        var dryRun = body.ArrayAt("dryRun").StringList().Contains("All") || query["dryRun"].ToString() == "All";
        return new DeleteRequest(
            policy,
            body.StringAt("preconditions", "uid"),
            body.StringAt("preconditions", "resourceVersion"),
            dryRun);
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
