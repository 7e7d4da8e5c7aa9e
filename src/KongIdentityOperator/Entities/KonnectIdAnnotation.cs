using k8s.Models;

namespace KongIdentityOperator.Entities;

/// <summary>
/// For the objects Konnect cannot label (scopes, claims): the Konnect id, kept in an annotation as well as in status.
/// Backups and GitOps re-creations keep annotations but not status, so a lost status is recovered from here instead
/// of creating a second object. The value is <c>&lt;auth server id&gt;/&lt;id&gt;</c>, so an id of another auth
/// server is never taken.
/// </summary>
internal static class KonnectIdAnnotation
{
    public const string Key = "identity.konghq.com/konnect-id";

    public static string Value(string authServerId, string id) => $"{authServerId}/{id}";

    /// <summary>The auth server id and id recorded, or nulls.</summary>
    public static (string? AuthServerId, string? Id) Parse(V1ObjectMeta metadata) =>
        metadata.Annotations?.TryGetValue(Key, out var value) == true && value.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash && slash < value.Length - 1
            ? (value[..slash], value[(slash + 1)..])
            : (null, null);

    /// <summary>The id recorded for this auth server, or null.</summary>
    public static string? IdIn(V1ObjectMeta metadata, string authServerId) =>
        metadata.Annotations?.TryGetValue(Key, out var value) == true && value.StartsWith(authServerId + "/", StringComparison.Ordinal)
            ? value[(authServerId.Length + 1)..]
            : null;
}
