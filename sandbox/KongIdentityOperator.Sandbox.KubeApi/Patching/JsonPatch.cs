using System.Globalization;
using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Json;

namespace KongIdentityOperator.Sandbox.KubeApi.Patching;

/// <summary>RFC 6902 JSON patch: add, remove, replace, move, copy and test, applied in order to a copy.</summary>
internal static class JsonPatch
{
    public static JsonNode Apply(JsonNode target, JsonArray operations)
    {
        var document = new JsonObject { ["root"] = target.DeepClone() };
        foreach (var node in operations)
        {
            if (node is not JsonObject operation || operation.StringAt("op") is not { } op || operation.StringAt("path") is not { } path)
            {
                throw new PatchException("each JSON patch operation needs \"op\" and \"path\"");
            }

            var segments = JsonPointer.Parse(path);
            switch (op)
            {
                case "add":
                    Add(document, segments, RequiredValue(operation, op));
                    break;
                case "remove":
                    Remove(document, segments, path);
                    break;
                case "replace":
                    Remove(document, segments, path);
                    Add(document, segments, RequiredValue(operation, op));
                    break;
                case "move":
                    {
                        var from = From(operation, op);
                        var value = Remove(document, JsonPointer.Parse(from), from);
                        Add(document, segments, value);
                        break;
                    }

                case "copy":
                    {
                        var from = From(operation, op);
                        Add(document, segments, Get(document, JsonPointer.Parse(from), from)?.DeepClone());
                        break;
                    }

                case "test":
                    if (!JsonNode.DeepEquals(Get(document, segments, path), RequiredValue(operation, op)))
                    {
                        throw new PatchException($"testing value {path} failed");
                    }

                    break;
                default:
                    throw new PatchException($"Unexpected kind: {op}");
            }
        }

        return document["root"] ?? throw new PatchException("the patch removed the whole object");
    }

    private static JsonNode? RequiredValue(JsonObject operation, string op) =>
        operation.TryGetPropertyValue("value", out var value)
            ? value?.DeepClone()
            : throw new PatchException($"missing value for {op} operation");

    private static string From(JsonObject operation, string op) =>
        operation.StringAt("from") ?? throw new PatchException($"missing from for {op} operation");

    private static JsonNode? Get(JsonObject document, IReadOnlyList<string> segments, string path)
    {
        JsonNode? node = document["root"];
        foreach (var segment in segments)
        {
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(segment, out var child) => child,
                JsonArray array when TryIndex(segment, array.Count, out var index) => array[index],
                _ => throw new PatchException($"path {path} does not exist"),
            };
        }

        return node;
    }

    private static void Add(JsonObject document, IReadOnlyList<string> segments, JsonNode? value)
    {
        var (parent, last) = Parent(document, segments);
        switch (parent)
        {
            case JsonObject obj:
                obj.Remove(last);
                obj[last] = value;
                break;
            case JsonArray array when last == "-":
                array.Add(value);
                break;
            case JsonArray array when TryIndex(last, array.Count + 1, out var index):
                array.Insert(index, value);
                break;
            default:
                throw new PatchException($"add operation does not apply: doc is missing path: \"/{string.Join('/', segments)}\"");
        }
    }

    private static JsonNode? Remove(JsonObject document, IReadOnlyList<string> segments, string path)
    {
        var (parent, last) = Parent(document, segments);
        switch (parent)
        {
            case JsonObject obj when obj.TryGetPropertyValue(last, out var value):
                obj.Remove(last);
                return value;
            case JsonArray array when TryIndex(last, array.Count, out var index):
                var item = array[index];
                array.RemoveAt(index);
                return item;
            default:
                throw new PatchException($"remove operation does not apply: doc is missing path: \"{path}\"");
        }
    }

    private static (JsonNode Parent, string Last) Parent(JsonObject document, IReadOnlyList<string> segments)
    {
        if (segments.Count == 0)
        {
            return (document, "root");
        }

        JsonNode? node = document["root"];
        foreach (var segment in segments.Take(segments.Count - 1))
        {
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(segment, out var child) => child,
                JsonArray array when TryIndex(segment, array.Count, out var index) => array[index],
                _ => null,
            };
        }

        return node is JsonObject or JsonArray
            ? (node, segments[^1])
            : throw new PatchException($"doc is missing path: \"/{string.Join('/', segments)}\"");
    }

    private static bool TryIndex(string segment, int count, out int index) =>
        int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out index) && index < count;
}
