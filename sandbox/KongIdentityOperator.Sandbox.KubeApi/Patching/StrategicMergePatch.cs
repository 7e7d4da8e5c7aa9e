using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Json;

namespace KongIdentityOperator.Sandbox.KubeApi.Patching;

/// <summary>
/// Strategic merge patch for built-in kinds, with the directive basics: maps merge, lists with a patch merge key
/// merge by that key (<see cref="PatchMergeKeys"/>), other lists replace, <c>null</c> deletes,
/// <c>$patch: replace|delete</c>, <c>$retainKeys</c>, <c>$deleteFromPrimitiveList/</c>; <c>$setElementOrder/</c> is
/// accepted and ignored.
/// </summary>
internal static class StrategicMergePatch
{
    private const string Directive = "$patch";
    private const string RetainKeys = "$retainKeys";
    private const string SetElementOrderPrefix = "$setElementOrder/";
    private const string DeleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList/";

    public static JsonObject Apply(JsonObject original, JsonObject patch) =>
        MergeObject(original.Clone(), patch, string.Empty) ?? [];

    private static JsonObject? MergeObject(JsonObject target, JsonObject patch, string path)
    {
        switch (patch.StringAt(Directive))
        {
            case "replace":
                return StripDirectives(patch);
            case "delete":
                return null;
            case null:
                break;
            case var other:
                throw new PatchException($"unknown patch type: {other} in map: {path}");
        }

        foreach (var (key, value) in patch)
        {
            if (key is Directive or RetainKeys || key.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (key.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal))
            {
                var listKey = key[DeleteFromPrimitiveListPrefix.Length..];
                if (target[listKey] is JsonArray list && value is JsonArray remove)
                {
                    var kept = list.Where(item => !remove.Any(r => JsonNode.DeepEquals(r, item))).Select(i => i?.DeepClone());
                    target[listKey] = new JsonArray([.. kept]);
                }

                continue;
            }

            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            target.TryGetPropertyValue(key, out var existing);
            target.Remove(key);
            switch (value)
            {
                case null:
                    break;
                case JsonObject patchChild when existing is JsonObject existingChild:
                    if (MergeObject(existingChild, patchChild, childPath) is { } merged)
                    {
                        target[key] = merged;
                    }

                    break;
                case JsonObject patchChild:
                    if (patchChild.StringAt(Directive) != "delete")
                    {
                        target[key] = StripDirectives(patchChild);
                    }

                    break;
                case JsonArray patchList:
                    target[key] = MergeList(existing as JsonArray, patchList, childPath);
                    break;
                default:
                    target[key] = value.DeepClone();
                    break;
            }
        }

        if (patch[RetainKeys] is JsonArray retain)
        {
            var keep = retain.Select(r => r.ScalarText()).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var key in target.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                target.Remove(key);
            }
        }

        return target;
    }

    private static JsonArray MergeList(JsonArray? existing, JsonArray patch, string path)
    {
        if (patch.OfType<JsonObject>().FirstOrDefault(o => o.Count == 1 && o.StringAt(Directive) == "replace") is not null)
        {
            return [.. patch.Where(p => !(p is JsonObject o && o.StringAt(Directive) == "replace")).Select(p => p?.DeepClone())];
        }

        if (existing is null)
        {
            return [.. patch.Where(p => !(p is JsonObject o && o.StringAt(Directive) == "delete")).Select(p => StripNode(p))];
        }

        if (PatchMergeKeys.MergesScalars(path))
        {
            var union = existing.Select(e => e?.DeepClone()).ToList();
            union.AddRange(patch.Where(p => !existing.Any(e => JsonNode.DeepEquals(e, p))).Select(p => p?.DeepClone()));
            return [.. union];
        }

        if (PatchMergeKeys.For(path) is not { } mergeKey || !patch.All(p => p is JsonObject))
        {
            return [.. patch.Select(p => p?.DeepClone())];
        }

        var result = existing.Select(e => e?.DeepClone()).ToList();
        foreach (var item in patch.OfType<JsonObject>())
        {
            var keyValue = item[mergeKey];
            var index = result.FindIndex(e => e is JsonObject o && JsonNode.DeepEquals(o[mergeKey], keyValue));
            if (item.StringAt(Directive) == "delete")
            {
                if (index >= 0)
                {
                    result.RemoveAt(index);
                }

                continue;
            }

            if (index >= 0 && result[index] is JsonObject current)
            {
                result[index] = MergeObject(current, item, path);
            }
            else
            {
                result.Add(StripDirectives(item));
            }
        }

        return [.. result.Where(r => r is not null)];
    }

    private static JsonNode? StripNode(JsonNode? node) => node is JsonObject obj ? StripDirectives(obj) : node?.DeepClone();

    private static JsonObject StripDirectives(JsonObject obj)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (key is Directive or RetainKeys || key.StartsWith('$'))
            {
                continue;
            }

            copy[key] = value is JsonObject child ? StripDirectives(child) : value?.DeepClone();
        }

        return copy;
    }
}
