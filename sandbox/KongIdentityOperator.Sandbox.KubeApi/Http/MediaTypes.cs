using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Sandbox.KubeApi.Http;

/// <summary>Content negotiation: the Accept variants kubectl sends, and the patch content types.</summary>
internal static class MediaTypes
{
    public const string Json = "application/json";
    public const string MergePatch = "application/merge-patch+json";
    public const string JsonPatch = "application/json-patch+json";
    public const string StrategicMergePatch = "application/strategic-merge-patch+json";
    public const string ApplyPatch = "application/apply-patch+yaml";

    /// <summary>The shape the first acceptable Accept entry asks for (kubectl lists Table first, then plain JSON).</summary>
    public static ResponseShape Shape(HttpRequest request)
    {
        foreach (var entry in request.Headers.Accept.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (entry.Contains("as=Table", StringComparison.Ordinal) && entry.Contains("g=meta.k8s.io", StringComparison.Ordinal))
            {
                return ResponseShape.Table;
            }

            if (entry.Contains("as=PartialObjectMetadata", StringComparison.Ordinal))
            {
                return ResponseShape.PartialObjectMetadata;
            }

            if (entry.StartsWith(Json, StringComparison.Ordinal) || entry.StartsWith("*/*", StringComparison.Ordinal))
            {
                return ResponseShape.Object;
            }
        }

        return ResponseShape.Object;
    }
}
