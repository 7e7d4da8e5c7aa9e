using KongIdentityOperator.Entities;
using KongIdentityOperator.Konnect;
using KongIdentityOperator.Konnect.Errors;
using KongIdentityOperator.Konnect.Identity;
using KongIdentityOperator.Mapping;
using KongIdentityOperator.Observation;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Events;
using KongIdentityOperator.Runtime.Reconciliation;
using KongIdentityOperator.Status;
using RemoteScope = KongIdentityOperator.Konnect.Identity.Scope;
using Scope = KongIdentityOperator.Entities.Scope;

namespace KongIdentityOperator.Controllers;

/// <summary>
/// Keeps a scope of the referenced auth server in step with the spec. Scopes carry no labels in Konnect, so before
/// creating one the controller records <c>status.createRequestedAt</c>: after a crash, a scope with the same name is
/// recognised as the one this object created; on a first attempt, a taken name is a conflict (use spec.adopt).
/// </summary>
internal sealed class ScopeController(
    ParentResolver parents,
    IKonnectClientFactory konnect,
    RemoteObservations observations,
    ChildDemand<Scope> demand,
    IKubernetesClient kubernetes,
    OutcomeRecorder recorder,
    EventPublisher events,
    TimeProvider time) : IEntityController<Scope>
{
    public async Task<ReconciliationResult<Scope>> ReconcileAsync(Scope entity, CancellationToken cancellationToken)
    {
        var parent = parents.Resolve(entity.Metadata.NamespaceProperty, entity.Spec.AuthServerRef);
        if (parent.Problem is { } problem)
        {
            return await recorder.RecordAsync<Scope, ScopeStatus>(entity, problem, [DomainCondition.RefsUnresolved(problem)], null, cancellationToken);
        }

        Applied<RemoteScope> applied;
        try
        {
            var scopes = observations.Collection<RemoteScope>(RemoteReaders.ScopesKey(parent.Connection!, parent.AuthServerId!));
            (applied, entity) = await ApplyAsync(entity, parent.AuthServerId!, konnect.For(parent.Connection!), scopes, cancellationToken);
        }
        catch (Exception e) when (KonnectErrors.Handles(e))
        {
            return await recorder.RecordAsync<Scope, ScopeStatus>(entity, KonnectErrors.ToOutcome(e), [DomainCondition.RefsResolved], null, cancellationToken);
        }

        if (applied.Problem is { } conflict)
        {
            return await recorder.RecordAsync<Scope, ScopeStatus>(entity, conflict, [DomainCondition.RefsResolved], s => s.CreateRequestedAt = null, cancellationToken);
        }

        var remote = applied.Remote!;
        if (applied.Change is { } change)
        {
            await events(entity, change, $"{change} scope {remote.Name} ({remote.Id}) in Konnect.", cancellationToken: cancellationToken);
        }

        return await recorder.RecordAsync<Scope, ScopeStatus>(
            entity,
            ReconcileOutcome.Ready($"Scope {remote.Name} is ready."),
            [DomainCondition.RefsResolved],
            status =>
            {
                status.Id = remote.Id;
                status.AuthServerId = parent.AuthServerId;
                status.Name = remote.Name;
                status.CreateRequestedAt = null;
            },
            cancellationToken);
    }

    public Task<ReconciliationResult<Scope>> DeletedAsync(Scope entity, CancellationToken cancellationToken) =>
        Task.FromResult(ReconciliationResult<Scope>.Success(entity));

    /// <returns>What was applied, and the entity as last written (the create marker may have been recorded).</returns>
    private async Task<(Applied<RemoteScope> Applied, Scope Entity)> ApplyAsync(
        Scope entity, string authServerId, IKonnectClient api, RemoteCollection<RemoteScope> scopes, CancellationToken cancellationToken)
    {
        var remote = await ObserveAsync(entity, authServerId, api, scopes, cancellationToken);
        if (remote.Problem is not null)
        {
            return (remote, entity);
        }

        if (remote.Remote is null)
        {
            var name = ScopeMapping.ScopeName(entity);
            if (entity.Status.CreateRequestedAt is not null
                && await FindByNameAsync(api, authServerId, name, cancellationToken) is { } recovered)
            {
                remote = Applied<RemoteScope>.Changed(recovered, ChangeReasons.Recovered);
            }
            else
            {
                if (entity.Status.CreateRequestedAt is null)
                {
                    entity = await kubernetes.UpdateStatusAsync(entity, e => e.Status.CreateRequestedAt = time.GetUtcNow().UtcDateTime, cancellationToken: cancellationToken);
                }

                try
                {
                    var created = await api.Scopes.CreateAsync(authServerId, ScopeMapping.Create(entity), cancellationToken);
                    scopes.Remember(created.Id, created);
                    return (Applied<RemoteScope>.Changed(created, ChangeReasons.Created), entity);
                }
                catch (KonnectApiException e) when (e.IsUniquenessViolation)
                {
                    var taken = await FindByNameAsync(api, authServerId, name, cancellationToken);
                    return (Applied<RemoteScope>.Failed(ReconcileOutcome.Stalled(
                        ConditionReasons.NameConflict,
                        $"A scope named '{name}' already exists in the auth server{(taken is null ? string.Empty : $" (id {taken.Id})")} and was not created by this object. Set spec.adopt.id to manage it, or choose another spec.name.")), entity);
                }
            }
        }

        var patch = ScopeMapping.Diff(entity, remote.Remote!);
        if (patch is null)
        {
            return (remote, entity);
        }

        var patched = await api.Scopes.PatchAsync(authServerId, remote.Remote!.Id, patch, cancellationToken);
        scopes.Remember(patched.Id, patched);
        return (Applied<RemoteScope>.Changed(patched, remote.Change ?? ChangeReasons.Updated), entity);
    }

    private async Task<Applied<RemoteScope>> ObserveAsync(
        Scope entity, string authServerId, IKonnectClient api, RemoteCollection<RemoteScope> scopes, CancellationToken cancellationToken)
    {
        if (entity.Spec.Adopt is { } adopt && entity.Status.Id != adopt.Id)
        {
            var adopted = await api.Scopes.GetAsync(authServerId, adopt.Id, cancellationToken);
            return adopted is null
                ? Applied<RemoteScope>.Failed(ReconcileOutcome.Stalled(ConditionReasons.InvalidSpec, $"spec.adopt.id {adopt.Id}: no such scope in the auth server."))
                : Applied<RemoteScope>.Changed(adopted, ChangeReasons.Adopted);
        }

        return entity.Status.Id is { } id && entity.Status.AuthServerId == authServerId
            ? new(await scopes.FindAsync(id, RemoteReaders.Scopes(api, authServerId), () => demand.OfAuthServer(entity.Metadata.NamespaceProperty, entity.Spec.AuthServerRef.Name), cancellationToken), null, null)
            : new(null, null, null);
    }

    private static async Task<RemoteScope?> FindByNameAsync(IKonnectClient api, string authServerId, string name, CancellationToken cancellationToken)
    {
        var page = await api.Scopes.ListAsync(authServerId, new ScopeListQuery { Name = Konnect.Paging.StringFilter.EqualTo(name) }, cancellationToken);
        return page.Data.FirstOrDefault(s => s.Name == name);
    }
}
