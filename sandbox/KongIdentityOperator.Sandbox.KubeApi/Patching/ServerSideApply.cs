using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Registry;

namespace KongIdentityOperator.Sandbox.KubeApi.Patching;

/// <summary>
/// Server-side apply, approximated as create-or-merge: the applied configuration is merged into the live object
/// (strategic merge for built-ins, JSON merge for custom resources). Field ownership, conflicts between managers
/// and removal of fields a manager stopped applying are not modelled (see the README's fidelity table).
/// </summary>
internal static class ServerSideApply
{
    public static JsonNode Apply(ResourceDefinition definition, JsonObject live, JsonObject configuration)
    {
        var config = configuration.DeepClone().AsObject();
        config["metadata"]?.AsObject().Remove("managedFields");
        return definition.SupportsStrategicMerge
            ? StrategicMergePatch.Apply(live, config)
            : JsonMergePatch.Apply(live, config)!;
    }
}
