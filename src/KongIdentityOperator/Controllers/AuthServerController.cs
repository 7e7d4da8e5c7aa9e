using KongIdentityOperator.Connections;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Konnect;
using KongIdentityOperator.Konnect.Errors;
using KongIdentityOperator.Konnect.Identity;
using KongIdentityOperator.Mapping;
using KongIdentityOperator.Ownership;
using KongIdentityOperator.Runtime.Events;
using KongIdentityOperator.Runtime.Reconciliation;
using KongIdentityOperator.Status;
using AuthServer = KongIdentityOperator.Entities.AuthServer;
using RemoteAuthServer = KongIdentityOperator.Konnect.Identity.AuthServer;

namespace KongIdentityOperator.Controllers;

/// <summary>
/// Observes the auth server in Konnect, creates it when missing and PATCHes only the fields that differ.
/// Whatever way an auth server is found (spec.adopt.id, status.id, a name taken after a crash), it is written only when
/// its marks allow it: never when they name another AuthServer that still exists.
/// </summary>
internal sealed class AuthServerController(
    KonnectConnectionResolver connections,
    IKonnectClientFactory konnect,
    OwnerCheck<AuthServer> owners,
    OutcomeRecorder recorder,
    EventPublisher events) : IEntityController<AuthServer>
{
    public async Task<ReconciliationResult<AuthServer>> ReconcileAsync(AuthServer entity, CancellationToken cancellationToken)
    {
        if (!connections.Resolve(entity.Metadata.NamespaceProperty, entity.Spec.Konnect).TryGet(out var connection, out var problem))
        {
            return await recorder.RecordAsync<AuthServer, AuthServerStatus>(entity, problem, [DomainCondition.RefsUnresolved(problem)], null, cancellationToken);
        }

        Resolution<Applied<RemoteAuthServer>> applied;
        try
        {
            applied = await ApplyAsync(entity, konnect.For(connection), cancellationToken);
        }
        catch (Exception e) when (KonnectErrors.Handles(e))
        {
            var outcome = KonnectErrors.ToOutcome(e);
            return await recorder.RecordAsync<AuthServer, AuthServerStatus>(entity, outcome, [DomainCondition.RefsResolved], null, cancellationToken);
        }

        if (!applied.TryGet(out var done, out var conflict))
        {
            return await recorder.RecordAsync<AuthServer, AuthServerStatus>(entity, conflict, [DomainCondition.RefsResolved], null, cancellationToken);
        }

        var remote = done.Remote;
        if (done.Change is { } change)
        {
            await events(entity, change, $"{change} auth server {remote.Name} ({remote.Id}) in Konnect.", cancellationToken: cancellationToken);
        }

        return await recorder.RecordAsync<AuthServer, AuthServerStatus>(
            entity,
            ReconcileOutcome.Ready($"Auth server {remote.Name} is ready; issuer {remote.Issuer}."),
            [DomainCondition.RefsResolved],
            status =>
            {
                status.Id = remote.Id;
                status.Issuer = remote.Issuer;
                status.MetadataUri = remote.MetadataUri;
                status.JwksUri = remote.JwksUri;
                status.TokenEndpoint = TokenEndpoint(remote.Issuer);
            },
            cancellationToken);
    }

    public Task<ReconciliationResult<AuthServer>> DeletedAsync(AuthServer entity, CancellationToken cancellationToken) =>
        Task.FromResult(ReconciliationResult<AuthServer>.Success(entity));

    public static string TokenEndpoint(string issuer) => issuer.TrimEnd('/') + "/oauth/token";

    private async Task<Resolution<Applied<RemoteAuthServer>>> ApplyAsync(AuthServer entity, IKonnectClient api, CancellationToken cancellationToken)
    {
        if (!(await ObserveAsync(entity, api, cancellationToken)).TryGet(out var found, out var problem))
        {
            return Failed(problem);
        }

        if (found is null)
        {
            try
            {
                return Resolution<Applied<RemoteAuthServer>>.Of(new(await api.AuthServers.CreateAsync(AuthServerMapping.Create(entity), cancellationToken), ChangeReasons.Created));
            }
            catch (KonnectApiException e) when (e.IsUniquenessViolation)
            {
                // Ours when a crash came between the create and the status write (or this object restored from a
                // backup); anyone else's is never taken over.
                var name = AuthServerMapping.DisplayName(entity);
                var taken = await FindByNameAsync(api, name, cancellationToken);
                var verdict = taken is null ? null : await owners.CheckAsync(OwnershipMarkers.FromLabels(taken.Labels), entity, cancellationToken);
                if (taken is null || verdict is null || !verdict.MayRecover(entity.Metadata.NamespaceProperty, entity.Metadata.Name))
                {
                    return Failed(verdict is { State: OwnerState.OwnedByAnother } && taken is not null
                        ? verdict.NotOwned($"The auth server named '{name}' (id {taken.Id})", "choose another spec.displayName.")
                        : ReconcileOutcome.Stalled(
                            ConditionReasons.NameConflict,
                            $"An auth server named '{name}' already exists in Konnect{(taken is null ? string.Empty : $" (id {taken.Id})")} and was not created by this object. Set spec.adopt.id to manage it, or choose another spec.displayName."));
                }

                found = new(taken, ChangeReasons.Recovered);
            }
        }

        var patch = AuthServerMapping.Diff(entity, found.Remote);
        return Resolution<Applied<RemoteAuthServer>>.Of(patch is null
            ? found
            : new(await api.AuthServers.PatchAsync(found.Remote.Id, patch, cancellationToken), found.Change ?? ChangeReasons.Updated));
    }

    /// <summary>The auth server this object manages as Konnect has it, with how it was found; null inside when there is none yet.</summary>
    private async Task<Resolution<Applied<RemoteAuthServer>?>> ObserveAsync(AuthServer entity, IKonnectClient api, CancellationToken cancellationToken)
    {
        if (entity.Spec.Adopt is { } adopt && entity.Status.Id != adopt.Id)
        {
            var adopted = await api.AuthServers.GetAsync(adopt.Id, cancellationToken);
            if (adopted is null)
            {
                return Resolution<Applied<RemoteAuthServer>?>.Failed(ReconcileOutcome.Stalled(ConditionReasons.InvalidSpec, $"spec.adopt.id {adopt.Id}: no such auth server in Konnect."));
            }

            var verdict = await owners.CheckAsync(OwnershipMarkers.FromLabels(adopted.Labels), entity, cancellationToken);
            return verdict.MayAdopt
                ? Resolution<Applied<RemoteAuthServer>?>.Of(new(adopted, ChangeReasons.Adopted))
                : Resolution<Applied<RemoteAuthServer>?>.Failed(verdict.NotOwned($"Auth server {adopted.Id} (spec.adopt.id)", "remove spec.adopt by re-creating this object."));
        }

        if (entity.Status.Id is { } id)
        {
            // Null when it was deleted in Konnect: it is created again.
            var known = await api.AuthServers.GetAsync(id, cancellationToken);
            if (known is not null)
            {
                // Unmarked: our own labels were removed in Konnect; the id is the operator's record, so they are restored.
                var verdict = await owners.CheckAsync(OwnershipMarkers.FromLabels(known.Labels), entity, cancellationToken);
                if (verdict.State != OwnerState.Unmarked && !verdict.MayRecover(entity.Metadata.NamespaceProperty, entity.Metadata.Name))
                {
                    return Resolution<Applied<RemoteAuthServer>?>.Failed(verdict.NotOwned($"Auth server {known.Id} (status.id)", "delete status.id by re-creating this object."));
                }

                return Resolution<Applied<RemoteAuthServer>?>.Of(new(known, null));
            }
        }

        return Resolution<Applied<RemoteAuthServer>?>.Of(null);
    }

    private static Resolution<Applied<RemoteAuthServer>> Failed(ReconcileOutcome problem) => Resolution<Applied<RemoteAuthServer>>.Failed(problem);

    private static async Task<RemoteAuthServer?> FindByNameAsync(IKonnectClient api, string name, CancellationToken cancellationToken)
    {
        var page = await api.AuthServers.ListAsync(new AuthServerListQuery { Name = Konnect.Paging.StringFilter.EqualTo(name) }, cancellationToken);
        return page.Data.FirstOrDefault(a => a.Name == name);
    }
}
