using KongIdentityOperator.Entities;
using KongIdentityOperator.Konnect;
using KongIdentityOperator.Konnect.Identity;
using KongIdentityOperator.Mapping;
using KongIdentityOperator.Observation;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Events;
using KongIdentityOperator.Runtime.Reconciliation;
using KongIdentityOperator.Status;
using Claim = KongIdentityOperator.Entities.Claim;
using RemoteClaim = KongIdentityOperator.Konnect.Identity.Claim;

namespace KongIdentityOperator.Controllers;

/// <summary>
/// Keeps a claim of the referenced auth server in step with the spec, with its scope refs resolved to Konnect ids.
/// Claim names need not be unique in Konnect, so a crash between the create and the status write is recovered through
/// <c>status.createRequestedAt</c>: only a claim of that name created after the marker is taken as ours.
/// </summary>
internal sealed class ClaimController(
    ParentResolver parents,
    ScopeResolver scopes,
    IKonnectClientFactory konnect,
    RemoteObservations observations,
    ChildDemand<Claim> demand,
    IKubernetesClient kubernetes,
    OutcomeRecorder recorder,
    EventPublisher events,
    TimeProvider time) : IEntityController<Claim>
{
    /// <summary>Clock skew allowed between this process and Konnect when matching a claim to the create marker.</summary>
    private static readonly TimeSpan MarkerSkew = TimeSpan.FromMinutes(5);

    public async Task<ReconciliationResult<Claim>> ReconcileAsync(Claim entity, CancellationToken cancellationToken)
    {
        var ns = entity.Metadata.NamespaceProperty;
        var parent = parents.Resolve(ns, entity.Spec.AuthServerRef);
        var resolved = parent.Problem is null ? scopes.Resolve(ns, entity.Spec.IncludeInScopes, entity.Spec.AuthServerRef.Name, parent.AuthServerId) : null;
        if ((parent.Problem ?? resolved!.Problem) is { } problem)
        {
            return await recorder.RecordAsync<Claim, ClaimStatus>(entity, problem, [DomainCondition.RefsUnresolved(problem)], null, cancellationToken);
        }

        Applied<RemoteClaim> applied;
        try
        {
            var claims = observations.Collection<RemoteClaim>(RemoteReaders.ClaimsKey(parent.Connection!, parent.AuthServerId!));
            (applied, entity) = await ApplyAsync(entity, parent.AuthServerId!, resolved!.Ids, konnect.For(parent.Connection!), claims, cancellationToken);
        }
        catch (Exception e) when (KonnectErrors.Handles(e))
        {
            return await recorder.RecordAsync<Claim, ClaimStatus>(entity, KonnectErrors.ToOutcome(e), [DomainCondition.RefsResolved], null, cancellationToken);
        }

        if (applied.Problem is { } invalid)
        {
            return await recorder.RecordAsync<Claim, ClaimStatus>(entity, invalid, [DomainCondition.RefsResolved], null, cancellationToken);
        }

        var remote = applied.Remote!;
        if (applied.Change is { } change)
        {
            await events(entity, change, $"{change} claim {remote.Name} ({remote.Id}) in Konnect.", cancellationToken: cancellationToken);
        }

        return await recorder.RecordAsync<Claim, ClaimStatus>(
            entity,
            ReconcileOutcome.Ready($"Claim {remote.Name} is ready."),
            [DomainCondition.RefsResolved],
            status =>
            {
                status.Id = remote.Id;
                status.AuthServerId = parent.AuthServerId;
                status.CreateRequestedAt = null;
            },
            cancellationToken);
    }

    public Task<ReconciliationResult<Claim>> DeletedAsync(Claim entity, CancellationToken cancellationToken) =>
        Task.FromResult(ReconciliationResult<Claim>.Success(entity));

    /// <returns>What was applied, and the entity as last written (the create marker may have been recorded).</returns>
    private async Task<(Applied<RemoteClaim> Applied, Claim Entity)> ApplyAsync(
        Claim entity, string authServerId, IReadOnlyList<string> scopeIds, IKonnectClient api, RemoteCollection<RemoteClaim> claims, CancellationToken cancellationToken)
    {
        var remote = await ObserveAsync(entity, authServerId, api, claims, cancellationToken);
        if (remote.Problem is not null)
        {
            return (remote, entity);
        }

        if (remote.Remote is null)
        {
            if (entity.Status.CreateRequestedAt is { } marker
                && await FindCreatedSinceAsync(api, authServerId, entity.Spec.Name, marker, cancellationToken) is { } recovered)
            {
                remote = Applied<RemoteClaim>.Changed(recovered, ChangeReasons.Recovered);
            }
            else
            {
                if (entity.Status.CreateRequestedAt is null)
                {
                    entity = await kubernetes.UpdateStatusAsync(entity, e => e.Status.CreateRequestedAt = time.GetUtcNow().UtcDateTime, cancellationToken: cancellationToken);
                }

                var created = await api.Claims.CreateAsync(authServerId, ClaimMapping.Create(entity, scopeIds), cancellationToken);
                claims.Remember(created.Id, created);
                return (Applied<RemoteClaim>.Changed(created, ChangeReasons.Created), entity);
            }
        }

        var patch = ClaimMapping.Diff(entity, scopeIds, remote.Remote!);
        if (patch is null)
        {
            return (remote, entity);
        }

        var patched = await api.Claims.PatchAsync(authServerId, remote.Remote!.Id, patch, cancellationToken);
        claims.Remember(patched.Id, patched);
        return (Applied<RemoteClaim>.Changed(patched, remote.Change ?? ChangeReasons.Updated), entity);
    }

    private async Task<Applied<RemoteClaim>> ObserveAsync(
        Claim entity, string authServerId, IKonnectClient api, RemoteCollection<RemoteClaim> claims, CancellationToken cancellationToken)
    {
        if (entity.Spec.Adopt is { } adopt && entity.Status.Id != adopt.Id)
        {
            var adopted = await api.Claims.GetAsync(authServerId, adopt.Id, cancellationToken);
            return adopted is null
                ? Applied<RemoteClaim>.Failed(ReconcileOutcome.Stalled(ConditionReasons.InvalidSpec, $"spec.adopt.id {adopt.Id}: no such claim in the auth server."))
                : Applied<RemoteClaim>.Changed(adopted, ChangeReasons.Adopted);
        }

        return entity.Status.Id is { } id && entity.Status.AuthServerId == authServerId
            ? new(await claims.FindAsync(id, RemoteReaders.Claims(api, authServerId), () => demand.OfAuthServer(entity.Metadata.NamespaceProperty, entity.Spec.AuthServerRef.Name), cancellationToken), null, null)
            : new(null, null, null);
    }

    private static async Task<RemoteClaim?> FindCreatedSinceAsync(IKonnectClient api, string authServerId, string name, DateTime marker, CancellationToken cancellationToken)
    {
        var since = new DateTimeOffset(DateTime.SpecifyKind(marker, DateTimeKind.Utc)) - MarkerSkew;
        var page = await api.Claims.ListAsync(authServerId, new ClaimListQuery { Name = Konnect.Paging.StringFilter.EqualTo(name) }, cancellationToken);
        return page.Data.Where(c => c.Name == name && c.CreatedAt >= since).MinBy(c => c.CreatedAt);
    }
}
