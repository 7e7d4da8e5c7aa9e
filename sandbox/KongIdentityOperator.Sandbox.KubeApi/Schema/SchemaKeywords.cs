using System.Text.Json;
using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Json;

namespace KongIdentityOperator.Sandbox.KubeApi.Schema;

/// <summary>Reads the structural-schema keywords the pipeline understands.</summary>
internal static class SchemaKeywords
{
    public static string? Type(JsonObject schema) => schema.StringAt("type");

    public static bool Flag(JsonObject schema, string keyword) =>
        schema[keyword] is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    public static bool PreservesUnknownFields(JsonObject schema) => Flag(schema, "x-kubernetes-preserve-unknown-fields");

    public static bool IntOrString(JsonObject schema) => Flag(schema, "x-kubernetes-int-or-string");

    public static JsonObject? Properties(JsonObject schema) => schema.ObjectAt("properties");

    public static JsonObject? Items(JsonObject schema) => schema.ObjectAt("items");

    /// <summary>The schema of map values (<c>additionalProperties</c> as a schema), if any.</summary>
    public static JsonObject? AdditionalProperties(JsonObject schema) => schema.ObjectAt("additionalProperties");

    /// <summary>Whether unknown keys are allowed (preserve-unknown-fields, or additionalProperties true or a schema).</summary>
    public static bool AllowsUnknownKeys(JsonObject schema) =>
        PreservesUnknownFields(schema) || AdditionalProperties(schema) is not null || Flag(schema, "additionalProperties");

    /// <summary>The schema for a child value, or null when the child is unknown to the schema.</summary>
    public static JsonObject? ChildSchema(JsonObject schema, string key) =>
        Properties(schema)?.ObjectAt(key) ?? AdditionalProperties(schema);

    /// <summary>The JSON type name of a value as the real server reports it in type errors.</summary>
    public static string TypeName(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => IsInteger(v) ? "integer" : "number",
            _ => "null",
        },
        _ => "null",
    };

    public static bool IsInteger(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.Number && decimal.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) && decimal.Truncate(d) == d;
}
