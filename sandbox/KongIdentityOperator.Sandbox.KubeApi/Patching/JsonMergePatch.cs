using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.KubeApi.Patching;

/// <summary>RFC 7386 JSON merge patch: objects merge recursively, <c>null</c> deletes, everything else replaces.</summary>
internal static class JsonMergePatch
{
    /// <summary>Applies <paramref name="patch"/> to a copy of <paramref name="target"/>.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch) => Merge(target?.DeepClone(), patch);

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? [];
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
                continue;
            }

            result.TryGetPropertyValue(key, out var existing);
            result.Remove(key);
            result[key] = Merge(existing, value);
        }

        return result;
    }
}
