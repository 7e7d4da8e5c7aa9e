using KongIdentityOperator.Sandbox.KubeApi.Errors;
using KongIdentityOperator.Sandbox.KubeApi.Operations;
using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Sandbox.KubeApi.Http;

/// <summary>The write query parameters: dryRun, fieldManager, fieldValidation, force.</summary>
internal static class QueryOptions
{
    public static WriteContext WriteContext(HttpRequest request)
    {
        var query = request.Query;
        var dryRun = query["dryRun"].ToString() switch
        {
            "" => false,
            "All" => true,
            var other => throw ApiErrors.BadRequest($"Invalid dryRun value: \"{other}\": supported values: \"All\""),
        };
        var validation = query["fieldValidation"].ToString() switch
        {
            "" or "Warn" => FieldValidation.Warn,
            "Strict" => FieldValidation.Strict,
            "Ignore" => FieldValidation.Ignore,
            var other => throw ApiErrors.BadRequest($"fieldValidation must be one of \"Ignore\", \"Warn\", or \"Strict\", got \"{other}\""),
        };
        var manager = query["fieldManager"].ToString();
        if (manager.Length > 128)
        {
            throw ApiErrors.BadRequest("fieldManager: Too long: must have at most 128 bytes");
        }

        return new WriteContext(dryRun, manager.Length == 0 ? null : manager, validation, query["force"].ToString() == "true");
    }

    public static long? ResourceVersion(string? text) =>
        string.IsNullOrEmpty(text) || text == "0"
            ? null
            : long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rv)
                ? rv
                : throw ApiErrors.BadRequest($"invalid resource version \"{text}\"");
}
