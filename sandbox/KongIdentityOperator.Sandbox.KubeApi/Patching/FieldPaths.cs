using System.Text;
using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.KubeApi.Patching;

/// <summary>
/// Field paths as structured-merge-diff writes them in <c>managedFields</c>: elements <c>f:name</c> (a field),
/// <c>k:{"name":"x"}</c> (a map-list item by its keys) and <c>v:"a"</c> (a set item), joined by a newline in a
/// path string. A path set's members are the leaves (scalars, atomic lists, empty maps) and list items.
/// </summary>
internal static class FieldPaths
{
    public const char Separator = '\n';

    private static readonly HashSet<string> SystemMetadata = new(StringComparer.Ordinal)
    {
        "name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds", "managedFields", "selfLink",
    };

    /// <summary>
    /// Every member path of <paramref name="obj"/> with its value, leaving out what no manager owns (type meta,
    /// server-set metadata) and what the endpoint resets (status on the main resource when status is a
    /// subresource; everything but status on <c>/status</c>).
    /// </summary>
    public static Dictionary<string, JsonNode?> Members(JsonObject obj, ListTypes types, bool hasStatusSubresource, bool statusOnly)
    {
        var members = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (field, value) in obj)
        {
            if (field is "apiVersion" or "kind"
                || (statusOnly && field != "status")
                || (!statusOnly && hasStatusSubresource && field == "status"))
            {
                continue;
            }

            if (field == "metadata" && value is JsonObject metadata)
            {
                foreach (var (metaField, metaValue) in metadata)
                {
                    if (!SystemMetadata.Contains(metaField))
                    {
                        Walk(metaValue, ["metadata", metaField], [Field("metadata"), Field(metaField)], types, members);
                    }
                }

                continue;
            }

            Walk(value, [field], [Field(field)], types, members);
        }

        return members;
    }

    public static string Field(string name) => "f:" + name;

    /// <summary>The <c>fieldsV1</c> tree of a path set.</summary>
    public static JsonObject ToFieldsV1(IEnumerable<string> paths)
    {
        var root = new JsonObject();
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            var elements = path.Split(Separator);
            var node = root;
            for (var i = 0; i < elements.Length; i++)
            {
                if (node[elements[i]] is not JsonObject child)
                {
                    child = [];
                    node[elements[i]] = child;
                }

                if (i == elements.Length - 1 && child.Count > 0)
                {
                    child["."] = new JsonObject();
                }

                node = child;
            }
        }

        MarkOwnedParents(root);
        return root;
    }

    /// <summary>The path set a <c>fieldsV1</c> tree encodes: its leaves and every node marked with ".".</summary>
    public static HashSet<string> FromFieldsV1(JsonObject? tree)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        Collect(tree, string.Empty, paths);
        return paths;
    }

    /// <summary>The path as structured-merge-diff prints it: <c>.spec.containers[name="web"].image</c>.</summary>
    public static string Pretty(string path)
    {
        var text = new StringBuilder();
        foreach (var element in path.Split(Separator))
        {
            switch (element[..2])
            {
                case "f:":
                    text.Append('.').Append(element[2..]);
                    break;
                case "k:":
                    var keys = (JsonObject)JsonNode.Parse(element[2..])!;
                    text.Append('[').Append(string.Join(',', keys.Select(k => $"{k.Key}={GoValue(k.Value)}"))).Append(']');
                    break;
                default:
                    text.Append("[=").Append(GoValue(JsonNode.Parse(element[2..]))).Append(']');
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>Removes the value at <paramref name="path"/> from <paramref name="obj"/>, if it is there.</summary>
    public static void Remove(JsonObject obj, string path, ListTypes types)
    {
        var elements = path.Split(Separator);
        JsonNode? node = obj;
        var fieldPath = new List<string>();
        for (var i = 0; i < elements.Length; i++)
        {
            var last = i == elements.Length - 1;
            var element = elements[i];
            if (element.StartsWith("f:", StringComparison.Ordinal) && node is JsonObject map)
            {
                var name = element[2..];
                fieldPath.Add(name);
                if (last)
                {
                    map.Remove(name);
                    return;
                }

                node = map[name];
            }
            else if (node is JsonArray list)
            {
                var index = IndexOf(list, element, types.For(fieldPath));
                if (index < 0)
                {
                    return;
                }

                if (last)
                {
                    list.RemoveAt(index);
                    return;
                }

                node = list[index];
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>The element naming one list item: <c>k:{...}</c> for map lists, <c>v:...</c> for sets.</summary>
    public static string? ItemElement(JsonNode? item, ListType type) => type.Merge switch
    {
        ListMerge.Map when item is JsonObject o && type.Keys.All(k => o[k] is not null) =>
            "k:" + new JsonObject([.. type.Keys.Order(StringComparer.Ordinal).Select(k => KeyValuePair.Create(k, (JsonNode?)o[k]!.DeepClone()))]).ToJsonString(),
        ListMerge.Set => "v:" + (item?.ToJsonString() ?? "null"),
        _ => null,
    };

    private static void Walk(JsonNode? value, List<string> fieldPath, List<string> path, ListTypes types, Dictionary<string, JsonNode?> members)
    {
        switch (value)
        {
            case JsonObject map when map.Count > 0:
                foreach (var (field, child) in map)
                {
                    Walk(child, [.. fieldPath, field], [.. path, Field(field)], types, members);
                }

                break;
            case JsonArray list when types.For(fieldPath) is { Merge: not ListMerge.Atomic } type:
                foreach (var item in list)
                {
                    if (ItemElement(item, type) is not { } element)
                    {
                        continue;
                    }

                    List<string> itemPath = [.. path, element];
                    if (type.Merge == ListMerge.Map && item is JsonObject itemMap)
                    {
                        members[string.Join(Separator, itemPath)] = null;
                        foreach (var (field, child) in itemMap)
                        {
                            Walk(child, [.. fieldPath, field], [.. itemPath, Field(field)], types, members);
                        }
                    }
                    else
                    {
                        members[string.Join(Separator, itemPath)] = item;
                    }
                }

                break;
            default:
                members[string.Join(Separator, path)] = value;
                break;
        }
    }

    private static int IndexOf(JsonArray list, string element, ListType type)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (ItemElement(list[i], type) == element)
            {
                return i;
            }
        }

        return -1;
    }

    private static void Collect(JsonObject? tree, string prefix, HashSet<string> paths)
    {
        if (tree is null)
        {
            return;
        }

        foreach (var (element, child) in tree)
        {
            if (element == ".")
            {
                continue;
            }

            var path = prefix.Length == 0 ? element : prefix + Separator + element;
            var children = child as JsonObject;
            if (children is null || children.Count == 0 || children.ContainsKey("."))
            {
                paths.Add(path);
            }

            Collect(children, path, paths);
        }
    }

    // List items own themselves (".") as soon as they have children, as in the real managedFields.
    private static void MarkOwnedParents(JsonObject node)
    {
        foreach (var (element, child) in node)
        {
            if (child is JsonObject map && map.Count > 0)
            {
                if (element.StartsWith("k:", StringComparison.Ordinal) && !map.ContainsKey("."))
                {
                    map["."] = new JsonObject();
                }

                MarkOwnedParents(map);
            }
        }
    }

    private static string GoValue(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? QuoteGo(v.GetValue<string>())
            : value?.ToJsonString() ?? "null";

    private static string QuoteGo(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
