using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Json;
using KongIdentityOperator.Sandbox.KubeApi.Registry;

namespace KongIdentityOperator.Sandbox.KubeApi.Operations;

/// <summary>The few built-in defaults clients notice (the real server's SetDefaults_* functions).</summary>
internal static class BuiltInDefaults
{
    public static void Apply(ResourceDefinition definition, JsonObject obj)
    {
        if (definition.Key == BuiltInResources.Secrets.Key && string.IsNullOrEmpty(obj.StringAt("type")))
        {
            obj["type"] = "Opaque";
        }
    }
}
