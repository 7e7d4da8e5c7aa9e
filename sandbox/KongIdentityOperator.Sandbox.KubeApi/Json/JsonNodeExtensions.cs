using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.KubeApi.Json;

/// <summary>Small path helpers over <see cref="JsonNode"/>, the sandbox's "unstructured" object model.</summary>
internal static class JsonNodeExtensions
{
    public static JsonNode? At(this JsonNode? node, params ReadOnlySpan<string> path)
    {
        foreach (var segment in path)
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(segment, out node))
            {
                return null;
            }
        }

        return node;
    }

    public static string? StringAt(this JsonNode? node, params ReadOnlySpan<string> path) =>
        node.At(path) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static JsonObject? ObjectAt(this JsonNode? node, params ReadOnlySpan<string> path) => node.At(path) as JsonObject;

    public static JsonArray? ArrayAt(this JsonNode? node, params ReadOnlySpan<string> path) => node.At(path) as JsonArray;

    /// <summary>The object's <c>metadata</c>, created when absent (or not an object).</summary>
    public static JsonObject Metadata(this JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
        {
            return metadata;
        }

        metadata = [];
        obj["metadata"] = metadata;
        return metadata;
    }

    public static IReadOnlyList<string> StringList(this JsonNode? node) =>
        node is JsonArray array
            ? [.. array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>())]
            : [];

    public static IReadOnlyDictionary<string, string> StringMap(this JsonNode? node)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                {
                    map[key] = v.GetValue<string>();
                }
            }
        }

        return map;
    }

    /// <summary>A scalar as the real server prints it in field selectors and tables ("true", "3", "abc").</summary>
    public static string? ScalarText(this JsonNode? node) => node switch
    {
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        },
        _ => null,
    };

    public static bool TryGetLong(this JsonNode? node, out long result)
    {
        result = 0;
        return node is JsonValue value && value.GetValueKind() == JsonValueKind.Number &&
               long.TryParse(value.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out result);
    }

    /// <summary>Deep copy that keeps the concrete node type.</summary>
    public static T Clone<T>(this T node)
        where T : JsonNode => (T)node.DeepClone();
}
