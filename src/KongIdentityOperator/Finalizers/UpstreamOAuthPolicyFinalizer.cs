using KongIdentityOperator.Entities;
using KongIdentityOperator.Konnect;
using KongIdentityOperator.Konnect.CoreEntities;
using KongIdentityOperator.References;
using KongIdentityOperator.Runtime.Events;
using KongIdentityOperator.Runtime.Finalizer;
using KongIdentityOperator.Runtime.Reconciliation;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.Finalizers;

/// <summary>Deletes the plugin from its control plane (Konnect answers 204 even when it is already gone).</summary>
internal sealed class UpstreamOAuthPolicyFinalizer(
    PolicySourceResolver sources, IKonnectClientFactory konnect, CleanupRecorder cleanup, EventPublisher events) : IEntityFinalizer<UpstreamOAuthPolicy>
{
    public async Task<ReconciliationResult<UpstreamOAuthPolicy>> FinalizeAsync(UpstreamOAuthPolicy entity, CancellationToken cancellationToken)
    {
        if (entity.Spec.DeletionPolicy == DeletionPolicy.Orphan || entity.Status.Id is null || entity.Status.ControlPlaneId is null)
        {
            return await cleanup.OrphanedAsync(entity, entity.Status.Id, cancellationToken);
        }

        if (!sources.ResolveConnection(entity).TryGet(out var connection, out var problem))
        {
            return await cleanup.BlockedAsync<UpstreamOAuthPolicy, UpstreamOAuthPolicyStatus>(
                entity, $"Cannot delete the plugin from Konnect: {problem.Message} Restore it, or set spec.deletionPolicy: Orphan.", cancellationToken);
        }

        return await cleanup.DeleteAsync<UpstreamOAuthPolicy, UpstreamOAuthPolicyStatus>(
            entity,
            async ct =>
            {
                await konnect.For(connection).Plugins.DeleteAsync(entity.Status.ControlPlaneId, PluginScope.Global, entity.Status.Id, ct);
                await events(entity, ChangeReasons.Deleted, $"Deleted upstream-oauth plugin {entity.Status.Id} from control plane {entity.Status.ControlPlaneId}.", cancellationToken: ct);
            },
            cancellationToken);
    }
}
