using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.KubeApi.Schema;

/// <summary>
/// Drops fields the structural schema does not declare (unless <c>x-kubernetes-preserve-unknown-fields</c> or
/// <c>additionalProperties</c> allows them), as the apiextensions server does before storing.
/// </summary>
internal static class Pruner
{
    private static readonly HashSet<string> RootFields = new(StringComparer.Ordinal) { "apiVersion", "kind", "metadata" };

    /// <summary>Prunes in place and returns the paths of the removed fields.</summary>
    public static IReadOnlyList<string> Prune(JsonObject obj, JsonObject schema)
    {
        var removed = new List<string>();
        PruneObject(obj, schema, string.Empty, removed, root: true);
        return removed;
    }

    private static void Prune(JsonNode? value, JsonObject schema, string path, List<string> removed)
    {
        switch (value)
        {
            case JsonObject obj:
                PruneObject(obj, schema, path, removed, root: false);
                break;
            case JsonArray array when SchemaKeywords.Items(schema) is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    Prune(array[i], items, FieldPath.Index(path, i), removed);
                }

                break;
        }
    }

    private static void PruneObject(JsonObject obj, JsonObject schema, string path, List<string> removed, bool root)
    {
        var properties = SchemaKeywords.Properties(schema);
        var additional = SchemaKeywords.AdditionalProperties(schema);
        var keepUnknown = SchemaKeywords.AllowsUnknownKeys(schema);
        foreach (var (key, child) in obj.ToList())
        {
            if (root && RootFields.Contains(key))
            {
                continue;
            }

            var childSchema = properties?.ObjectAt(key) ?? additional;
            if (childSchema is null)
            {
                if (!keepUnknown)
                {
                    obj.Remove(key);
                    removed.Add(FieldPath.Child(path, key));
                }

                continue;
            }

            Prune(child, childSchema, FieldPath.Child(path, key), removed);
        }
    }

    private static JsonObject? ObjectAt(this JsonObject properties, string key) => properties[key] as JsonObject;
}
