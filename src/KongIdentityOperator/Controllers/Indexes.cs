using k8s.Models;
using KongIdentityOperator.Entities;

namespace KongIdentityOperator.Controllers;

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

    public static string Key(string? @namespace, string name) => $"{@namespace}/{name}";

    public static string Key(V1ObjectMeta metadata) => Key(metadata.NamespaceProperty, metadata.Name);

    /// <summary>A control plane reference, by id or by name (control planes are not namespaced).</summary>
    public static string ControlPlane(ObjectRefByNameOrId reference) => reference.Id is { } id ? "id:" + id : "name:" + reference.Name;

    public static IEnumerable<string> AuthServerOf(string? @namespace, LocalObjectReference reference) => [Key(@namespace, reference.Name)];

    public static IEnumerable<string> Scopes(string? @namespace, IEnumerable<LocalObjectReference>? references) =>
        (references ?? []).Select(r => Key(@namespace, r.Name)).Distinct(StringComparer.Ordinal);

    public static IEnumerable<string> TokenSecret(string? @namespace, KonnectSettings? settings) =>
        settings?.TokenSecretRef is { } reference ? [Key(@namespace, reference.Name)] : [];
}
