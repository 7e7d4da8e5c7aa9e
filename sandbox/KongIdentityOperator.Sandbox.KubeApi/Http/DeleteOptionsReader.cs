using System.Text.Json;
using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Errors;
using KongIdentityOperator.Sandbox.KubeApi.Json;
using KongIdentityOperator.Sandbox.KubeApi.Operations;
using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Sandbox.KubeApi.Http;

/// <summary>
/// Reads a DELETE's options as the real handler does: from the DeleteOptions body when there is one, otherwise from
/// the query (gracePeriodSeconds as an integer, orphanDependents as a boolean; bad integers → 400), then validates
/// them like apimachinery's ValidateDeleteOptions (422 on DeleteOptions).
/// </summary>
internal static class DeleteOptionsReader
{
    private static readonly string[] Policies = ["Foreground", "Background", "Orphan"];

    public static async Task<DeleteRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0
            ? await RequestBody.ReadAsync(request, yaml: false, cancellationToken) as JsonObject
            : null;
        string? policy;
        bool? orphan;
        List<string> dryRun;
        if (body is not null)
        {
            policy = body.StringAt("propagationPolicy");
            orphan = body["orphanDependents"] is JsonValue o && o.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                ? o.GetValueKind() == JsonValueKind.True
                : null;
            dryRun = body.ArrayAt("dryRun").StringList().ToList();
        }
        else
        {
            var query = request.Query;
            policy = query.ContainsKey("propagationPolicy") ? QueryParameters.String(query, "propagationPolicy") : null;
            orphan = QueryParameters.OptionalBool(query, "orphanDependents");
            _ = QueryParameters.Int64(query, "gracePeriodSeconds");
            dryRun = query["dryRun"].Select(v => v ?? string.Empty).ToList();
        }

        var errors = new List<FieldError>();
        if (orphan is not null && policy is not null)
        {
            errors.Add(new FieldError(FieldError.Invalid, "propagationPolicy", $"Invalid value: \"{policy}\": orphanDependents and deletionPropagation cannot be both set"));
        }

        if (policy is not null && !Policies.Contains(policy, StringComparer.Ordinal))
        {
            errors.Add(new FieldError(
                FieldError.NotSupported,
                "propagationPolicy",
                $"Unsupported value: {QueryParameters.Quote(policy)}: supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\""));
        }

        if (dryRun.Any(v => v != "All"))
        {
            errors.Add(new FieldError(
                FieldError.NotSupported,
                "dryRun",
                $"Unsupported value: []string{{{string.Join(", ", dryRun.Select(QueryParameters.Quote))}}}: supported values: \"All\""));
        }

        if (errors.Count > 0)
        {
            throw ApiErrors.InvalidOptions("DeleteOptions", errors);
        }

        policy ??= orphan switch
        {
            true => "Orphan",
            false => "Background",
            null => null,
        };
        return new DeleteRequest(
            policy,
            body.StringAt("preconditions", "uid"),
            body.StringAt("preconditions", "resourceVersion"),
            dryRun.Count > 0);
    }
}
