using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.KubeApi.Patching;

/// <summary>
/// Merges an applied configuration into the live object as structured-merge-diff does: maps merge field by field,
/// map lists item by item on their keys, sets by value, atomic lists and scalars are replaced; <c>null</c> removes.
/// </summary>
internal static class ApplyMerge
{
    public static JsonObject Merge(JsonObject live, JsonObject config, ListTypes types) =>
        (JsonObject)Merge(live.DeepClone(), config, [], types)!;

    private static JsonNode? Merge(JsonNode? live, JsonNode? config, List<string> fieldPath, ListTypes types)
    {
        switch (config)
        {
            case JsonObject configMap when live is JsonObject liveMap:
                foreach (var (field, value) in configMap)
                {
                    if (value is null)
                    {
                        liveMap.Remove(field);
                        continue;
                    }

                    liveMap.TryGetPropertyValue(field, out var existing);
                    var merged = Merge(existing?.DeepClone(), value, [.. fieldPath, field], types);
                    liveMap[field] = merged;
                }

                return liveMap;
            case JsonArray configList when live is JsonArray liveList && types.For(fieldPath) is { Merge: not ListMerge.Atomic } type:
                foreach (var item in configList)
                {
                    var element = FieldPaths.ItemElement(item, type);
                    var index = element is null ? -1 : IndexOf(liveList, element, type);
                    if (index < 0)
                    {
                        liveList.Add(item?.DeepClone());
                    }
                    else if (type.Merge == ListMerge.Map)
                    {
                        var merged = Merge(liveList[index]?.DeepClone(), item, fieldPath, types);
                        liveList[index] = merged;
                    }
                }

                return liveList;
            default:
                return config?.DeepClone();
        }
    }

    private static int IndexOf(JsonArray list, string element, ListType type)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (FieldPaths.ItemElement(list[i], type) == element)
            {
                return i;
            }
        }

        return -1;
    }
}
