using KongIdentityOperator.Connections;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Indexing;
using KongIdentityOperator.Konnect;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Runtime.Events;
using KongIdentityOperator.Runtime.Finalizer;
using KongIdentityOperator.Runtime.Reconciliation;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.Finalizers;

/// <summary>
/// Deletes the auth server from Konnect (unless Orphan). It first waits for the Scopes, Claims and Clients that use it
/// to go, so their own cleanup still has a parent to work through and nothing is deleted behind their back; the wait is
/// visible in the Reconciling condition. Konnect refuses (400) while objects the operator does not manage remain.
/// </summary>
internal sealed class AuthServerFinalizer(
    KonnectConnectionResolver connections,
    IKonnectClientFactory konnect,
    IEntityCache<Scope> scopes,
    IEntityCache<Claim> claims,
    IEntityCache<Client> clients,
    CleanupRecorder cleanup,
    EventPublisher events) : IEntityFinalizer<AuthServer>
{
    public async Task<ReconciliationResult<AuthServer>> FinalizeAsync(AuthServer entity, CancellationToken cancellationToken)
    {
        if (entity.Spec.DeletionPolicy == DeletionPolicy.Orphan || entity.Status.Id is null)
        {
            return await cleanup.OrphanedAsync(entity, entity.Status.Id, cancellationToken);
        }

        var key = Indexes.Key(entity.Metadata);
        var dependents = scopes.GetByIndex(Indexes.AuthServerRef, key).Select(s => $"Scope {s.Metadata.Name}")
            .Concat(claims.GetByIndex(Indexes.AuthServerRef, key).Select(c => $"Claim {c.Metadata.Name}"))
            .Concat(clients.GetByIndex(Indexes.AuthServerRef, key).Select(c => $"Client {c.Metadata.Name}"))
            .ToList();
        if (dependents.Count > 0)
        {
            return await cleanup.WaitForDependentsAsync<AuthServer, AuthServerStatus>(entity, "auth server", dependents, cancellationToken);
        }

        if (!connections.Resolve(entity.Metadata.NamespaceProperty, entity.Spec.Konnect).TryGet(out var connection, out var problem))
        {
            return await cleanup.BlockedAsync<AuthServer, AuthServerStatus>(entity, $"Cannot delete the auth server from Konnect: {problem.Message} Restore it, or set spec.deletionPolicy: Orphan.", cancellationToken);
        }

        return await cleanup.DeleteAsync<AuthServer, AuthServerStatus>(
            entity,
            async ct =>
            {
                var deleted = await konnect.For(connection).AuthServers.DeleteAsync(entity.Status.Id, force: false, ct);
                if (deleted)
                {
                    await events(entity, ChangeReasons.Deleted, $"Deleted auth server {entity.Status.Id} from Konnect.", cancellationToken: ct);
                }
            },
            cancellationToken);
    }
}
