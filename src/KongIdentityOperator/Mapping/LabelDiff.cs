namespace KongIdentityOperator.Mapping;

/// <summary>Konnect PATCH semantics for labels: send the whole desired map, with null for keys to remove.</summary>
internal static class LabelDiff
{
    public static IReadOnlyDictionary<string, string?>? Patch(IReadOnlyDictionary<string, string> desired, IReadOnlyDictionary<string, string>? actual)
    {
        actual ??= new Dictionary<string, string>();
        var same = desired.Count == actual.Count && desired.All(d => actual.TryGetValue(d.Key, out var v) && v == d.Value);
        if (same)
        {
            return null;
        }

        var patch = desired.ToDictionary(d => d.Key, d => (string?)d.Value, StringComparer.Ordinal);
        foreach (var removed in actual.Keys.Where(k => !desired.ContainsKey(k)))
        {
            patch[removed] = null;
        }

        return patch;
    }
}
