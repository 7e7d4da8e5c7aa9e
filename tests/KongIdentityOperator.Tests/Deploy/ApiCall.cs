using KongIdentityOperator.Sandbox.KubeApi;

namespace KongIdentityOperator.Tests.Deploy;

/// <summary>
/// One Kubernetes API request as RBAC sees it: verb, API group, resource (plural), subresource, namespace (empty for
/// cluster-scoped and all-namespaces requests) and object name (empty for lists, watches and creates).
/// </summary>
internal sealed record ApiCall(string Verb, string Group, string Resource, string Subresource, string Namespace, string Name)
{
    /// <summary>The resource as an RBAC rule names it: <c>plural</c> or <c>plural/subresource</c>.</summary>
    public string QualifiedResource => Subresource.Length == 0 ? Resource : $"{Resource}/{Subresource}";

    /// <summary>A request from the API server's log; a non-resource request (discovery, /version) keeps its path as resource.</summary>
    public static ApiCall From(RequestLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Resource.Length == 0
            ? new ApiCall(entry.Verb.ToLowerInvariant(), string.Empty, entry.Path, string.Empty, string.Empty, string.Empty)
            : new ApiCall(entry.Verb, entry.Group, entry.Resource, entry.Subresource, entry.Namespace, entry.Name);
    }

    public override string ToString() =>
        $"{Verb} {(Group.Length == 0 ? "core" : Group)}/{QualifiedResource}"
        + (Namespace.Length == 0 ? " (all namespaces)" : $" in {Namespace}")
        + (Name.Length == 0 ? string.Empty : $" name={Name}");
}
