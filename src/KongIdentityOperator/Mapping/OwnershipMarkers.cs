namespace KongIdentityOperator.Mapping;

/// <summary>
/// Marks on Konnect objects that tie them to the Kubernetes object that made them, so a lost status is recovered
/// by lookup and an object someone else made is never taken over without <c>spec.adopt</c>.
/// Konnect label keys must not start with kong/konnect/mesh/kic, hence these names.
/// </summary>
internal static class OwnershipMarkers
{
    public const string ManagedByKey = "managed-by";
    public const string ManagedByValue = "kong-identity-operator";
    public const string UidKey = "k8s-uid";

    public static Dictionary<string, string> Labels(IReadOnlyDictionary<string, string>? userLabels, string uid)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in userLabels ?? new Dictionary<string, string>())
        {
            labels[key] = value;
        }

        labels[ManagedByKey] = ManagedByValue;
        labels[UidKey] = uid;
        return labels;
    }

    public static bool IsOwnedBy(IReadOnlyDictionary<string, string>? labels, string uid) =>
        labels is not null && labels.TryGetValue(UidKey, out var owner) && owner == uid;

    /// <summary>Plugin tags (core entities have tags, not labels).</summary>
    public static IReadOnlyList<string> Tags(string uid, string @namespace, string name, string kind) =>
        [$"{ManagedByKey}:{ManagedByValue}", $"{UidKey}:{uid}", $"k8s-namespace:{@namespace}", $"k8s-name:{name}", $"k8s-kind:{kind}"];

    public static bool TagsOwnedBy(IReadOnlyList<string>? tags, string uid) => tags?.Contains($"{UidKey}:{uid}") == true;
}
