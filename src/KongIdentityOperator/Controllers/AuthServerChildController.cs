using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Indexing;
using KongIdentityOperator.Konnect;
using KongIdentityOperator.Observation;
using KongIdentityOperator.References;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Entities;
using KongIdentityOperator.Runtime.Events;
using KongIdentityOperator.Runtime.Queue;
using KongIdentityOperator.Runtime.Reconciliation;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.Controllers;

/// <summary>
/// The shared flow of the Scope and Claim controllers, the auth-server children that Konnect cannot label (the Client
/// has labels and its own controller): resolve the AuthServer and the child's own references, observe (adopted id,
/// else the id in status, through the shared remote view), create when missing, PATCH only what differs. Before
/// creating, <c>status.createRequestedAt</c> is recorded: after a crash between the create and the status write, the
/// object this one created is recognised instead of creating a second one. The Konnect id is also kept in an
/// annotation, which backups and GitOps re-creations preserve when they drop the status. Konnect cannot mark these
/// objects, so the other Scopes or Claims in the cache are the marks: an id that another existing object holds (in its
/// status, or in its annotation when this object has only a hint) is never written.
/// </summary>
internal abstract class AuthServerChildController<TEntity, TStatus, TRemote, TInputs>(
    ParentResolver parents,
    IKonnectClientFactory konnect,
    RemoteObservations observations,
    ChildDemand<TEntity> demand,
    IEntityCache<TEntity> siblings,
    IKubernetesClient kubernetes,
    OutcomeRecorder recorder,
    EventPublisher events,
    TimeProvider time) : IEntityController<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>, IStatusEntity<TStatus>, IAuthServerChild
    where TStatus : ConditionedStatus, IMarkedChildStatus
    where TRemote : class
    where TInputs : notnull
{
    /// <summary>Lower-case kind for messages ("scope").</summary>
    protected abstract string Noun { get; }

    public async Task<ReconciliationResult<TEntity>> ReconcileAsync(TEntity entity, CancellationToken cancellationToken)
    {
        if (!parents.Resolve(entity.Metadata.NamespaceProperty, entity.AuthServerRef).TryGet(out var parent, out var problem)
            || !ResolveInputs(entity, parent).TryGet(out var inputs, out problem))
        {
            return await recorder.RecordAsync<TEntity, TStatus>(entity, problem, [DomainCondition.RefsUnresolved(problem)], null, cancellationToken);
        }

        Resolution<Applied<TRemote>> applied;
        try
        {
            (applied, entity) = await ApplyAsync(entity, parent, inputs, cancellationToken);
        }
        catch (Exception e) when (KonnectErrors.Handles(e))
        {
            return await recorder.RecordAsync<TEntity, TStatus>(entity, KonnectErrors.ToOutcome(e), [DomainCondition.RefsResolved], null, cancellationToken);
        }

        if (!applied.TryGet(out var done, out var refused))
        {
            return await recorder.RecordAsync<TEntity, TStatus>(entity, refused, [DomainCondition.RefsResolved], s => s.CreateRequestedAt = null, cancellationToken);
        }

        var remote = done.Remote;
        if (done.Change is { } change)
        {
            await events(entity, change, $"{change} {Noun} {NameOf(remote)} ({IdOf(remote)}) in Konnect.", cancellationToken: cancellationToken);
        }

        entity = await RecordIdAnnotationAsync(entity, parent.AuthServerId, IdOf(remote), cancellationToken);

        return await recorder.RecordAsync<TEntity, TStatus>(
            entity,
            ReconcileOutcome.Ready($"{char.ToUpperInvariant(Noun[0])}{Noun[1..]} {NameOf(remote)} is ready."),
            [DomainCondition.RefsResolved],
            status =>
            {
                status.Id = IdOf(remote);
                status.AuthServerId = parent.AuthServerId;
                status.CreateRequestedAt = null;
                OnReady(status, remote);
            },
            cancellationToken);
    }

    public Task<ReconciliationResult<TEntity>> DeletedAsync(TEntity entity, CancellationToken cancellationToken) =>
        Task.FromResult(ReconciliationResult<TEntity>.Success(entity));

    /// <summary>The child's own references resolved (e.g. a claim's scope ids), or why they are not usable yet.</summary>
    protected abstract Resolution<TInputs> ResolveInputs(TEntity entity, Parent parent);

    /// <summary>The shared remote view of this kind's collection in the auth server.</summary>
    protected abstract RemoteSource<TRemote> Source(RemoteObservations observations, IKonnectClient api, string authServerId, Func<(int Pending, int Expected)> demand);

    protected abstract string IdOf(TRemote remote);

    protected abstract string NameOf(TRemote remote);

    /// <summary>After a crash: the object this one created since the marker, if Konnect has it.</summary>
    protected abstract Task<TRemote?> FindCreatedAsync(IKonnectClient api, string authServerId, TEntity entity, DateTime marker, CancellationToken cancellationToken);

    /// <summary>Creates the object, or says why Konnect refused in a way the user must resolve (a taken name).</summary>
    protected abstract Task<Resolution<TRemote>> CreateAsync(IKonnectClient api, string authServerId, TEntity entity, TInputs inputs, CancellationToken cancellationToken);

    /// <summary>PATCHes what differs; null when Konnect already matches.</summary>
    protected abstract Task<TRemote?> PatchIfDifferentAsync(IKonnectClient api, string authServerId, TEntity entity, TInputs inputs, TRemote actual, CancellationToken cancellationToken);

    /// <summary>Kind-specific status fields of a Ready object.</summary>
    protected virtual void OnReady(TStatus status, TRemote remote)
    {
    }

    /// <returns>What was applied, and the entity as last written (the create marker may have been recorded).</returns>
    private async Task<(Resolution<Applied<TRemote>> Applied, TEntity Entity)> ApplyAsync(TEntity entity, Parent parent, TInputs inputs, CancellationToken cancellationToken)
    {
        var authServerId = parent.AuthServerId;
        var api = konnect.For(parent.Connection);
        var source = Source(observations, api, authServerId, () => demand.OfAuthServer(entity.Metadata.NamespaceProperty, entity.AuthServerRef.Name));
        if (!(await ObserveAsync(entity, authServerId, api, source, cancellationToken)).TryGet(out var found, out var problem))
        {
            return (Failed(problem), entity);
        }

        if (found is null)
        {
            if (entity.Status.CreateRequestedAt is not { } marker || await FindCreatedAsync(api, authServerId, entity, marker, cancellationToken) is not { } recovered)
            {
                if (entity.Status.CreateRequestedAt is null)
                {
                    entity = await kubernetes.UpdateStatusAsync(entity, e => e.Status.CreateRequestedAt = time.GetUtcNow().UtcDateTime, cancellationToken: cancellationToken);
                }

                if (!(await CreateAsync(api, authServerId, entity, inputs, cancellationToken)).TryGet(out var created, out var refused))
                {
                    return (Failed(refused), entity);
                }

                source.Remember(created);
                return (Resolution<Applied<TRemote>>.Of(new(created, ChangeReasons.Created)), entity);
            }

            if (HeldByAnother(entity, authServerId, IdOf(recovered), fromStatus: false) is { } held)
            {
                return (Failed(held), entity);
            }

            found = new(recovered, ChangeReasons.Recovered);
        }

        if (await PatchIfDifferentAsync(api, authServerId, entity, inputs, found.Remote, cancellationToken) is not { } patched)
        {
            return (Resolution<Applied<TRemote>>.Of(found), entity);
        }

        source.Remember(patched);
        return (Resolution<Applied<TRemote>>.Of(new(patched, found.Change ?? ChangeReasons.Updated)), entity);
    }

    /// <summary>The object this one manages as Konnect has it, with how it was found; null inside when there is none yet.</summary>
    private async Task<Resolution<Applied<TRemote>?>> ObserveAsync(TEntity entity, string authServerId, IKonnectClient api, RemoteSource<TRemote> source, CancellationToken cancellationToken)
    {
        if (entity.AdoptId is { } adoptId && entity.Status.Id != adoptId)
        {
            if (HeldByAnother(entity, authServerId, adoptId, fromStatus: false) is { } held)
            {
                return Resolution<Applied<TRemote>?>.Failed(held);
            }

            var adopted = await source.GetAsync(adoptId, cancellationToken);
            return adopted is null
                ? Resolution<Applied<TRemote>?>.Failed(ReconcileOutcome.Stalled(ConditionReasons.InvalidSpec, $"spec.adopt.id {adoptId}: no such {Noun} in the auth server."))
                : Resolution<Applied<TRemote>?>.Of(new(adopted, ChangeReasons.Adopted));
        }

        var fromStatus = entity.Status.Id is not null && entity.Status.AuthServerId == authServerId;
        var known = fromStatus ? entity.Status.Id : KonnectIdAnnotation.IdIn(entity.Metadata, authServerId);
        if (known is null)
        {
            return Resolution<Applied<TRemote>?>.Of(null);
        }

        if (HeldByAnother(entity, authServerId, known, fromStatus) is { } taken)
        {
            return Resolution<Applied<TRemote>?>.Failed(taken);
        }

        return Resolution<Applied<TRemote>?>.Of(await source.FindAsync(known, cancellationToken) is { } remote ? new(remote, null) : null);
    }

    private static Resolution<Applied<TRemote>> Failed(ReconcileOutcome problem) => Resolution<Applied<TRemote>>.Failed(problem);

    /// <summary>
    /// NotOwned when another existing object of this kind holds the id: in its status always; in its annotation too when
    /// this object's own claim is only a hint (annotation, adopt, or recovery by name), so a hint never displaces a record.
    /// </summary>
    private ReconcileOutcome? HeldByAnother(TEntity entity, string authServerId, string id, bool fromStatus)
    {
        var self = EntityKey.From(entity);
        var holders = siblings.GetKeysByIndex(Indexes.KonnectId, Indexes.StatusClaim(authServerId, id))
            .Concat(fromStatus ? [] : siblings.GetKeysByIndex(Indexes.KonnectId, Indexes.AnnotationClaim(authServerId, id)))
            .Where(k => k != self)
            .ToList();
        return holders.Count == 0
            ? null
            : ReconcileOutcome.Stalled(
                ConditionReasons.NotOwned,
                $"The {Noun} {id} is held by {typeof(TEntity).Name} {holders[0].Name}, which still exists; the operator never lets two objects write one {Noun}. Remove the {KonnectIdAnnotation.Key} annotation or spec.adopt from this object (re-create it), or delete the other one.");
    }

    /// <summary>Keeps the Konnect id in the object's annotations too (a metadata patch: no generation change, no reconcile).</summary>
    private async Task<TEntity> RecordIdAnnotationAsync(TEntity entity, string authServerId, string id, CancellationToken cancellationToken)
    {
        var value = KonnectIdAnnotation.Value(authServerId, id);
        if (entity.Metadata.Annotations?.TryGetValue(KonnectIdAnnotation.Key, out var current) == true && current == value)
        {
            return entity;
        }

        var patch = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [KonnectIdAnnotation.Key] = value } } };
        return await kubernetes.PatchAsync<TEntity>(
            new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), entity.Metadata.Name, entity.Metadata.NamespaceProperty, cancellationToken);
    }
}
