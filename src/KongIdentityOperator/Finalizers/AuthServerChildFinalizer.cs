using k8s;
using k8s.Models;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Konnect;
using KongIdentityOperator.References;
using KongIdentityOperator.Runtime.Entities;
using KongIdentityOperator.Runtime.Events;
using KongIdentityOperator.Runtime.Finalizer;
using KongIdentityOperator.Runtime.Reconciliation;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.Finalizers;

/// <summary>
/// Cleanup of a Scope, Claim or Client: delete it in Konnect through its AuthServer (404 = already gone). When the
/// AuthServer is gone or was replaced, there is nothing left to delete through: its children went (or were orphaned)
/// with it, so the finalizer exits. When the AuthServer is there but its connection cannot be resolved (its token
/// Secret missing, say), the object is kept and the Reconciling condition says why until it can.
/// </summary>
internal abstract class AuthServerChildFinalizer<TEntity, TStatus>(
    ParentResolver parents, IKonnectClientFactory konnect, CleanupRecorder cleanup, EventPublisher events) : IEntityFinalizer<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>, IStatusEntity<TStatus>, IAuthServerChild
    where TStatus : IConditionsStatus
{
    /// <summary>Lower-case kind for messages ("scope").</summary>
    protected abstract string Noun { get; }

    public async Task<ReconciliationResult<TEntity>> FinalizeAsync(TEntity entity, CancellationToken cancellationToken)
    {
        // Dependents first, whatever the policy: they reach Konnect through this object (a policy's plugin is deleted
        // with its Client's connection), so even an orphaned object stays until they are gone.
        if (entity.RemoteId is not null && Dependents(entity) is { Count: > 0 } dependents)
        {
            return await cleanup.WaitForDependentsAsync<TEntity, TStatus>(entity, Noun, dependents, cancellationToken);
        }

        if (entity.DeletionPolicy == DeletionPolicy.Orphan || entity.RemoteId is null)
        {
            await BeforeOrphanAsync(entity, cancellationToken);
            return await cleanup.OrphanedAsync(entity, entity.RemoteId, cancellationToken);
        }

        if (parents.ResolveForCleanup(entity.Metadata.NamespaceProperty, entity.AuthServerRef, entity.RemoteAuthServerId) is not { } resolution)
        {
            return ReconciliationResult<TEntity>.Success(entity);
        }

        if (!resolution.TryGet(out var parent, out var problem))
        {
            return await cleanup.BlockedAsync<TEntity, TStatus>(entity, $"Cannot delete the {Noun} from Konnect: {problem.Message} Restore it, or set spec.deletionPolicy: Orphan.", cancellationToken);
        }

        var remoteId = entity.RemoteId;
        return await cleanup.DeleteAsync<TEntity, TStatus>(
            entity,
            async ct =>
            {
                if (await DeleteRemoteAsync(konnect.For(parent.Connection), parent.AuthServerId, remoteId, ct))
                {
                    await events(entity, ChangeReasons.Deleted, $"Deleted {Noun} {remoteId} from Konnect.", cancellationToken: ct);
                }
            },
            cancellationToken);
    }

    /// <returns>False when it was already gone (404).</returns>
    protected abstract Task<bool> DeleteRemoteAsync(IKonnectClient api, string authServerId, string id, CancellationToken cancellationToken);

    /// <summary>Objects that use this one and must be deleted first (a Client waits for its UpstreamOAuthPolicies).</summary>
    protected virtual IReadOnlyList<string> Dependents(TEntity entity) => [];

    /// <summary>What must happen before the object is left in Konnect (a Client keeps its credentials Secret).</summary>
    protected virtual Task BeforeOrphanAsync(TEntity entity, CancellationToken cancellationToken) => Task.CompletedTask;
}
