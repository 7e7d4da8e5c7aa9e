using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.KubeApi.Schema;

/// <summary>
/// Applies the schema's <c>default</c>s: a missing property with a default gets it (and its own nested defaults);
/// nested defaults apply only where the parent object exists; a <c>null</c> on a non-nullable field is dropped and
/// then defaulted.
/// </summary>
internal static class Defaulter
{
    public static void Apply(JsonNode? value, JsonObject schema)
    {
        switch (value)
        {
            case JsonObject obj:
                ApplyObject(obj, schema);
                break;
            case JsonArray array when SchemaKeywords.Items(schema) is { } items:
                foreach (var item in array)
                {
                    Apply(item, items);
                }

                break;
        }
    }

    private static void ApplyObject(JsonObject obj, JsonObject schema)
    {
        if (SchemaKeywords.Properties(schema) is { } properties)
        {
            foreach (var (key, node) in properties)
            {
                if (node is not JsonObject propertySchema)
                {
                    continue;
                }

                var present = obj.TryGetPropertyValue(key, out var current);
                if (present && current is null && !SchemaKeywords.Flag(propertySchema, "nullable"))
                {
                    obj.Remove(key);
                    present = false;
                }

                if (!present && propertySchema["default"] is { } defaultValue)
                {
                    obj[key] = defaultValue.DeepClone();
                }

                if (obj[key] is { } child)
                {
                    Apply(child, propertySchema);
                }
            }
        }

        if (SchemaKeywords.AdditionalProperties(schema) is { } valueSchema)
        {
            foreach (var (key, child) in obj.ToList())
            {
                if (SchemaKeywords.Properties(schema)?.ContainsKey(key) != true)
                {
                    Apply(child, valueSchema);
                }
            }
        }
    }
}
