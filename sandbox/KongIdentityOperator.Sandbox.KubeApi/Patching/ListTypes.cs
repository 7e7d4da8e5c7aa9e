using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Json;
using KongIdentityOperator.Sandbox.KubeApi.Registry;

namespace KongIdentityOperator.Sandbox.KubeApi.Patching;

/// <summary>
/// The list type at a field path (field names only, list positions skipped): for custom resources from the CRD
/// schema's <c>x-kubernetes-list-type</c>/<c>x-kubernetes-list-map-keys</c> (atomic by default, as in Kubernetes);
/// for built-ins from the patch merge keys (map lists), <c>metadata.finalizers</c> (a set), else atomic.
/// </summary>
internal sealed class ListTypes(ResourceDefinition definition)
{
    public ListType For(IReadOnlyList<string> fieldPath)
    {
        var dotted = string.Join('.', fieldPath);
        if (dotted == "metadata.ownerReferences")
        {
            return new ListType(ListMerge.Map, ["uid"]);
        }

        if (PatchMergeKeys.MergesScalars(dotted))
        {
            return ListType.Set;
        }

        if (!definition.IsCustom || fieldPath is ["metadata", ..])
        {
            return PatchMergeKeys.For(dotted) is { } key ? new ListType(ListMerge.Map, [key]) : ListType.Atomic;
        }

        var schema = SchemaAt(definition.Schema, fieldPath);
        return schema.StringAt("x-kubernetes-list-type") switch
        {
            "map" when schema!["x-kubernetes-list-map-keys"].StringList() is { Count: > 0 } keys => new ListType(ListMerge.Map, keys),
            "set" => ListType.Set,
            _ => ListType.Atomic,
        };
    }

    private static JsonObject? SchemaAt(JsonObject? schema, IReadOnlyList<string> fieldPath)
    {
        var node = schema;
        foreach (var field in fieldPath)
        {
            while (node?.StringAt("type") == "array")
            {
                node = node.ObjectAt("items");
            }

            node = node?.ObjectAt("properties", field) ?? (node?["additionalProperties"] as JsonObject);
        }

        return node;
    }
}
