using k8s.Models;

namespace KongIdentityOperator.Tests.Deploy;

/// <summary>
/// Permissions a write needs beyond its own verb: setting <c>blockOwnerDeletion</c> on an ownerReference requires
/// <c>update</c> on the owner's <c>finalizers</c> subresource where the OwnerReferencesPermissionEnforcement admission
/// plugin is on. The request log does not show bodies, so these are read from the objects the operator wrote.
/// </summary>
internal static class OwnerReferenceChecks
{
    /// <param name="written">Objects the operator created or updated.</param>
    /// <param name="plurals">Resource plural by (apiVersion, kind) of the possible owners.</param>
    public static IEnumerable<ApiCall> ImpliedCalls(
        IEnumerable<V1ObjectMeta> written, IReadOnlyDictionary<(string ApiVersion, string Kind), string> plurals)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(plurals);
        foreach (var meta in written)
        {
            foreach (var owner in (meta.OwnerReferences ?? []).Where(o => o.BlockOwnerDeletion == true))
            {
                var group = owner.ApiVersion.Contains('/', StringComparison.Ordinal) ? owner.ApiVersion[..owner.ApiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;
                var plural = plurals.TryGetValue((owner.ApiVersion, owner.Kind), out var known)
                    ? known
                    : throw new InvalidOperationException($"No plural known for owner {owner.ApiVersion} {owner.Kind} of {meta.NamespaceProperty}/{meta.Name}.");
                yield return new ApiCall("update", group, plural, "finalizers", meta.NamespaceProperty ?? string.Empty, owner.Name);
            }
        }
    }
}
