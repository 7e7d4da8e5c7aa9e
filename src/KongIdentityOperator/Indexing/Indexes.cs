using k8s.Models;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Entities;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.Indexing;

/// <summary>
/// Cache indexes from an object to what it references ("namespace/name" keys), so that a change of the referenced
/// object enqueues exactly its dependents instead of polling.
/// </summary>
internal static class Indexes
{
    public const string AuthServerRef = "authServerRef";
    public const string ScopeRef = "scopeRef";
    public const string ClientRef = "clientRef";
    public const string SecretRef = "secretRef";
    public const string ControlPlaneRef = "controlPlaneRef";

    /// <summary>By metadata.uid: whether the owner a Konnect object's marks name is still in the cache.</summary>
    public const string Uid = "uid";

    /// <summary>Objects stalled on a Konnect limit, by the parent whose capacity they wait for ("" for auth servers: the region).</summary>
    public const string LimitExceeded = "limitExceeded";

    /// <summary>Scopes and claims by the Konnect id they hold ("status:" or "annotation:" + auth server id/id).</summary>
    public const string KonnectId = "konnectId";

    public static string Key(string? @namespace, string name) => $"{@namespace}/{name}";

    public static string Key(V1ObjectMeta metadata) => Key(metadata.NamespaceProperty, metadata.Name);

    /// <summary>A control plane reference, by id or by name (control planes are not namespaced).</summary>
    public static string ControlPlane(ObjectRefByNameOrId reference) => reference.Id is { } id ? "id:" + id : "name:" + reference.Name;

    public static IEnumerable<string> AuthServerOf(string? @namespace, LocalObjectReference reference) => [Key(@namespace, reference.Name)];

    public static IEnumerable<string> Scopes(string? @namespace, IEnumerable<LocalObjectReference>? references) =>
        (references ?? []).Select(r => Key(@namespace, r.Name)).Distinct(StringComparer.Ordinal);

    public static IEnumerable<string> TokenSecret(string? @namespace, KonnectSettings? settings) =>
        settings?.TokenSecretRef is { } reference ? [Key(@namespace, reference.Name)] : [];

    /// <summary>
    /// The Konnect ids a Scope or Claim holds: from status (the operator's record) and from the id annotation (a hint a
    /// user can write), kept apart so a hint never outranks a record.
    /// </summary>
    public static IEnumerable<string> KonnectIds(V1ObjectMeta metadata, IMarkedChildStatus status)
    {
        if (status.Id is { } id && status.AuthServerId is { } authServerId)
        {
            yield return StatusClaim(authServerId, id);
        }

        if (KonnectIdAnnotation.Parse(metadata) is ({ } annotatedServer, { } annotatedId))
        {
            yield return AnnotationClaim(annotatedServer, annotatedId);
        }
    }

    public static string StatusClaim(string authServerId, string id) => $"status:{authServerId}/{id}";

    public static string AnnotationClaim(string authServerId, string id) => $"annotation:{authServerId}/{id}";

    /// <summary>The parent key when the object is stalled on a Konnect limit, else nothing.</summary>
    public static IEnumerable<string> WhenLimited(IConditionsStatus status, string parentKey) =>
        status.Conditions.Any(c => c.Type == ConditionTypes.Stalled && c.Status == "True" && c.Reason == ConditionReasons.LimitExceeded) ? [parentKey] : [];
}
