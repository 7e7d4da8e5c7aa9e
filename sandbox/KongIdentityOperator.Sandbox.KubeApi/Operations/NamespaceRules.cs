using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Json;
using KongIdentityOperator.Sandbox.KubeApi.Registry;

namespace KongIdentityOperator.Sandbox.KubeApi.Operations;

/// <summary>What the real server adds to Namespaces: the <c>kubernetes</c> finalizer, phase, and name label.</summary>
internal static class NamespaceRules
{
    public const string Finalizer = "kubernetes";
    public const string NameLabel = "kubernetes.io/metadata.name";

    public static bool Applies(ResourceDefinition definition) => definition.Key == BuiltInResources.Namespaces.Key;

    public static void PrepareCreate(JsonObject ns)
    {
        var spec = ns["spec"] as JsonObject ?? [];
        ns["spec"] = spec;
        if (spec["finalizers"] is not JsonArray)
        {
            spec["finalizers"] = new JsonArray(Finalizer);
        }

        ns["status"] = new JsonObject { ["phase"] = "Active" };
        SetNameLabel(ns);
    }

    public static void PrepareUpdate(JsonObject ns) => SetNameLabel(ns);

    public static void MarkTerminating(JsonObject ns)
    {
        var status = ns["status"] as JsonObject ?? [];
        ns["status"] = status;
        status["phase"] = "Terminating";
    }

    /// <summary>A namespace is held by <c>spec.finalizers</c> as well as by <c>metadata.finalizers</c>.</summary>
    public static bool HasSpecFinalizers(JsonObject ns) => ns.At("spec", "finalizers").StringList().Count > 0;

    private static void SetNameLabel(JsonObject ns)
    {
        var metadata = ns.Metadata();
        var labels = metadata["labels"] as JsonObject ?? [];
        metadata["labels"] = labels;
        labels[NameLabel] = metadata.StringAt("name");
    }
}
