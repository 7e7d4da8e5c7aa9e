using System.Text.Json;
using System.Text.Json.Nodes;

namespace KongIdentityOperator.Tests.GitOps;

/// <summary>
/// The <c>unstructured.Nested*</c> accessors of k8s.io/apimachinery over <see cref="JsonObject"/>, with their
/// found/error semantics: a missing field is "not found", a field of the wrong type (or a non-object on the way)
/// is an error.
/// </summary>
internal static class Unstructured
{
    public static (string? Value, bool Found) NestedString(JsonObject root, params string[] path)
    {
        var (node, found) = NestedField(root, path);
        if (!found)
        {
            return (null, false);
        }

        return node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? (value.GetValue<string>(), true)
            : throw WrongType(path, node, "string");
    }

    public static (long Value, bool Found) NestedInt64(JsonObject root, params string[] path)
    {
        var (node, found) = NestedField(root, path);
        if (!found)
        {
            return (0, false);
        }

        // JSON integers decode to int64 in unstructured content; a fraction decodes to float64 and fails.
        return node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number)
            ? (number, true)
            : throw WrongType(path, node, "int64");
    }

    public static (JsonArray? Value, bool Found) NestedSlice(JsonObject root, params string[] path)
    {
        var (node, found) = NestedField(root, path);
        if (!found)
        {
            return (null, false);
        }

        return node is JsonArray array ? (array, true) : throw WrongType(path, node, "[]interface{}");
    }

    private static (JsonNode? Node, bool Found) NestedField(JsonObject root, string[] path)
    {
        JsonNode? current = root;
        for (var i = 0; i < path.Length; i++)
        {
            if (current is not JsonObject map)
            {
                throw new FormatException($"{string.Join('.', path[..i])} accessor error: {Describe(current)} is not a map");
            }

            if (!map.TryGetPropertyValue(path[i], out current))
            {
                return (null, false);
            }
        }

        return (current, true);
    }

    private static FormatException WrongType(string[] path, JsonNode? node, string expected) =>
        new($"{string.Join('.', path)} accessor error: {Describe(node)} is not of type {expected}");

    private static string Describe(JsonNode? node) => node?.ToJsonString() ?? "null";
}
