using System.Security.Cryptography;
using System.Text;
using k8s.Models;

namespace KongIdentityOperator.Mapping;

/// <summary>
/// Marks on Konnect objects that tie them to the Kubernetes object that made them: its uid, namespace and name. A lost
/// status is recovered by them; an object whose marks name another Kubernetes object that still exists is never
/// written. Auth servers and clients carry labels (Konnect documents at most five, so three are the operator's and two
/// the user's; the key names avoid Konnect's reserved prefixes kong/konnect/mesh/kic); plugins carry tags.
/// </summary>
internal static class OwnershipMarkers
{
    public const string UidKey = "k8s-uid";
    public const string NamespaceKey = "k8s-namespace";
    public const string NameKey = "k8s-name";

    /// <summary>Written by earlier versions next to the uid; removed from labels now (the label budget is five), kept as a tag.</summary>
    public const string ManagedByKey = "managed-by";
    public const string ManagedByValue = "kong-identity-operator";

    /// <summary>Konnect label values are at most 63 characters; longer names keep a prefix and a hash.</summary>
    private const int MaxLabelValue = 63;

    public static Dictionary<string, string> Labels(IReadOnlyDictionary<string, string>? userLabels, V1ObjectMeta owner)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in userLabels ?? new Dictionary<string, string>())
        {
            labels[key] = value;
        }

        labels[UidKey] = owner.Uid;
        labels[NamespaceKey] = owner.NamespaceProperty;
        labels[NameKey] = NameLabel(owner.Name);
        return labels;
    }

    /// <summary>Plugin tags (core entities have tags, not labels).</summary>
    public static IReadOnlyList<string> Tags(string uid, string @namespace, string name, string kind) =>
        [$"{ManagedByKey}:{ManagedByValue}", $"{UidKey}:{uid}", $"{NamespaceKey}:{@namespace}", $"{NameKey}:{name}", $"k8s-kind:{kind}"];

    /// <summary>The owner an auth server's or client's labels name, or null when they carry no uid.</summary>
    public static MarkedOwner? FromLabels(IReadOnlyDictionary<string, string>? labels) =>
        labels is not null && labels.TryGetValue(UidKey, out var uid) && uid.Length > 0
            ? new MarkedOwner(uid, labels.GetValueOrDefault(NamespaceKey), labels.GetValueOrDefault(NameKey), NameIsExact: labels.GetValueOrDefault(NameKey) is { Length: < MaxLabelValue })
            : null;

    /// <summary>The owner a plugin's tags name, or null when they carry no uid.</summary>
    public static MarkedOwner? FromTags(IReadOnlyList<string>? tags)
    {
        string? Tag(string key) => tags?.FirstOrDefault(t => t.StartsWith(key + ":", StringComparison.Ordinal))?[(key.Length + 1)..];
        return Tag(UidKey) is { Length: > 0 } uid ? new MarkedOwner(uid, Tag(NamespaceKey), Tag(NameKey), NameIsExact: true) : null;
    }

    /// <summary>The name as a label value: itself when it fits, else a prefix and a hash of the whole name.</summary>
    public static string NameLabel(string name)
    {
        if (name.Length < MaxLabelValue)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..10];
        // Always exactly 63 characters, so a shorter value is known to be the whole name.
        return $"{name[..(MaxLabelValue - hash.Length - 1)]}-{hash}";
    }
}
