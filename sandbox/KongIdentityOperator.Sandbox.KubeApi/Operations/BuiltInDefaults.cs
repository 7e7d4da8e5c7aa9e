using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Json;
using KongIdentityOperator.Sandbox.KubeApi.Registry;

namespace KongIdentityOperator.Sandbox.KubeApi.Operations;

/// <summary>The few built-in defaults clients notice (the real server's SetDefaults_* functions).</summary>
internal static class BuiltInDefaults
{
    public static void Apply(ResourceDefinition definition, JsonObject obj)
    {
        if (definition.Key != BuiltInResources.Secrets.Key)
        {
            return;
        }

        if (string.IsNullOrEmpty(obj.StringAt("type")))
        {
            obj["type"] = "Opaque";
        }

        MergeStringData(obj);
    }

    /// <summary>
    /// Like the real server's conversion of a v1 Secret: <c>stringData</c> is write-only, merged into <c>data</c>
    /// (base64 of its UTF-8, winning over a <c>data</c> key of the same name) and never stored or returned.
    /// </summary>
    private static void MergeStringData(JsonObject secret)
    {
        if (secret["stringData"] is not JsonObject stringData)
        {
            secret.Remove("stringData");
            return;
        }

        if (secret["data"] is not JsonObject data)
        {
            data = [];
            secret["data"] = data;
        }

        foreach (var (key, value) in stringData)
        {
            data[key] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value?.GetValue<string>() ?? string.Empty));
        }

        secret.Remove("stringData");
    }
}
