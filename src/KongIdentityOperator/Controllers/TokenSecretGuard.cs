using k8s.Models;
using KongIdentityOperator.Connections;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Finalizers;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Runtime.Finalizer;
using KongIdentityOperator.Runtime.Reconciliation;

namespace KongIdentityOperator.Controllers;

/// <summary>
/// Keeps a Konnect token Secret until the last AuthServer or UpstreamOAuthPolicy that names it is gone, with the
/// finalizer <c>identity.konghq.com/token-in-use</c>. Without it, <c>kubectl delete -f</c> of a directory that holds
/// the token Secret too would take the token away from the cleanups that still need it.
/// </summary>
internal sealed class TokenSecretGuard(
    IEntityCache<AuthServer> authServers,
    IEntityCache<UpstreamOAuthPolicy> policies,
    FinalizerWriter finalizers) : IEntityController<V1Secret>, IEntityFinalizer<V1Secret>
{
    public async Task<ReconciliationResult<V1Secret>> ReconcileAsync(V1Secret entity, CancellationToken cancellationToken)
    {
        var inUse = IsInUse(entity);
        var guarded = entity.Metadata.Finalizers?.Contains(FinalizerNames.TokenInUse) == true;
        if (inUse && !guarded && entity.Metadata.DeletionTimestamp is null)
        {
            entity = await finalizers.AddAsync(entity, [FinalizerNames.TokenInUse], cancellationToken) ?? entity;
        }
        else if (!inUse && guarded)
        {
            entity = await finalizers.RemoveAsync(entity, FinalizerNames.TokenInUse, cancellationToken) ?? entity;
        }

        return ReconciliationResult<V1Secret>.Success(entity);
    }

    /// <summary>
    /// Gone from the cache: deleted, or no longer offered (its label removed, so the label-selected watch no longer
    /// shows it). A Secret that is not offered is never held, so a finalizer left on it is released.
    /// </summary>
    public async Task<ReconciliationResult<V1Secret>> DeletedAsync(V1Secret entity, CancellationToken cancellationToken)
    {
        if (entity.Metadata.Finalizers?.Contains(FinalizerNames.TokenInUse) == true && !ReferenceableSecret.IsOffered(entity))
        {
            entity = await finalizers.RemoveAsync(entity, FinalizerNames.TokenInUse, cancellationToken) ?? entity;
        }

        return ReconciliationResult<V1Secret>.Success(entity);
    }

    /// <summary>
    /// While the Secret is being deleted: let it go once nothing names it any more (the AuthServer and policy watches
    /// wake this up when the last one goes); until then the deletion waits.
    /// </summary>
    public Task<ReconciliationResult<V1Secret>> FinalizeAsync(V1Secret entity, CancellationToken cancellationToken) =>
        Task.FromResult(IsInUse(entity)
            ? ReconciliationResult<V1Secret>.Failure(entity, $"Secret {entity.Metadata.Name} still holds the Konnect token of objects that are being cleaned up.")
            : ReconciliationResult<V1Secret>.Success(entity));

    /// <summary>Only an offered Secret is ever held: naming any other Secret must not let a user block its deletion.</summary>
    private bool IsInUse(V1Secret secret)
    {
        if (!ReferenceableSecret.IsOffered(secret))
        {
            return false;
        }

        var key = Indexes.Key(secret.Metadata);
        return authServers.GetKeysByIndex(Indexes.SecretRef, key).Count > 0 || policies.GetKeysByIndex(Indexes.SecretRef, key).Count > 0;
    }
}
