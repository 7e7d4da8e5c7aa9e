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

    /// <summary>The auth server id and id recorded, or nulls (also when either is not a UUID: the value reaches URL paths).</summary>
    public static (string? AuthServerId, string? Id) Parse(V1ObjectMeta metadata) =>
        metadata.Annotations?.TryGetValue(Key, out var value) == true && value.Split('/') is [var server, var id]
            && Guid.TryParseExact(server, "D", out _) && Guid.TryParseExact(id, "D", out _)
            ? (server, id)
            : (null, null);

    /// <summary>The id recorded for this auth server, or null.</summary>
    public static string? IdIn(V1ObjectMeta metadata, string authServerId) =>
        Parse(metadata) is ({ } server, { } id) && server == authServerId ? id : null;
}
