using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Finalizer;
using KongIdentityOperator.Runtime.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KongIdentityOperator.Runtime.Reconciliation;

/// <summary>
/// Processes one key: takes the cache's latest version, attaches this kind's finalizers before the controller runs,
/// runs finalizers (in list order) once <c>deletionTimestamp</c> is set and removes each after it succeeds, and calls
/// <see cref="IEntityController{TEntity}.DeletedAsync"/> with the last known state once the object is gone.
/// Controllers and finalizers come from a fresh DI scope per call.
/// </summary>
internal sealed partial class Reconciler<TEntity>(
    EntityCache<TEntity> cache,
    IReadOnlyList<string> finalizerIdentifiers,
    bool autoAttachFinalizers,
    FinalizerWriter finalizers,
    IServiceScopeFactory scopes,
    ILogger logger)
    where TEntity : class, IKubernetesObject<V1ObjectMeta>, new()
{
    private readonly ConcurrentDictionary<EntityKey, TEntity> _tombstones = new();
    private readonly string _kind = EntityApiInfo.For<TEntity>().Kind;

    /// <summary>Remembers the last state of a deleted object until its <c>DeletedAsync</c> has run.</summary>
    public void RecordDeletion(TEntity lastState) => _tombstones[EntityKey.From(lastState)] = lastState;

    public void ClearDeletions() => _tombstones.Clear();

    /// <summary>Reconciles <paramref name="key"/>; null when there was nothing to do.</summary>
    public async Task<ReconciliationResult<TEntity>?> ReconcileAsync(EntityKey key, CancellationToken cancellationToken)
    {
        var cached = cache.Peek(key);
        if (_tombstones.TryGetValue(key, out var tombstone)
            && (cached is null || cached.Metadata.Uid != tombstone.Metadata.Uid))
        {
            _tombstones.TryRemove(new KeyValuePair<EntityKey, TEntity>(key, tombstone));
            var deleted = await DeletedAsync(EntityCopy.Clone(tombstone), cancellationToken);
            if (cached is null || !deleted.IsSuccess)
            {
                return deleted;
            }
        }

        if (cached is null)
        {
            return null;
        }

        var entity = EntityCopy.Clone(cached);
        return entity.Metadata.DeletionTimestamp is null
            ? await ReconcileLiveAsync(entity, cancellationToken)
            : await FinalizeAsync(entity, cancellationToken);
    }

    private async Task<ReconciliationResult<TEntity>?> ReconcileLiveAsync(TEntity entity, CancellationToken cancellationToken)
    {
        if (autoAttachFinalizers && finalizerIdentifiers.Count > 0)
        {
            // Attached before the controller does any remote work, so a deletion can never skip the cleanup.
            var attached = await finalizers.AddAsync(entity, finalizerIdentifiers, cancellationToken);
            if (attached is null)
            {
                return null;
            }

            entity = attached;
            if (entity.Metadata.DeletionTimestamp is not null)
            {
                return await FinalizeAsync(entity, cancellationToken);
            }
        }

        LogReconciling(logger, _kind, entity.Metadata.NamespaceProperty, entity.Metadata.Name, entity.Metadata.Generation);
        await using var scope = scopes.CreateAsyncScope();
        var controller = scope.ServiceProvider.GetRequiredService<IEntityController<TEntity>>();
        return await controller.ReconcileAsync(entity, cancellationToken);
    }

    private async Task<ReconciliationResult<TEntity>?> FinalizeAsync(TEntity entity, CancellationToken cancellationToken)
    {
        ReconciliationResult<TEntity>? last = null;
        foreach (var identifier in (entity.Metadata.Finalizers ?? []).Where(finalizerIdentifiers.Contains).ToList())
        {
            LogFinalizing(logger, _kind, entity.Metadata.NamespaceProperty, entity.Metadata.Name, identifier);
            await using var scope = scopes.CreateAsyncScope();
            var finalizer = scope.ServiceProvider.GetRequiredKeyedService<IEntityFinalizer<TEntity>>(identifier);
            last = await finalizer.FinalizeAsync(entity, cancellationToken);
            if (!last.IsSuccess)
            {
                return last;
            }

            // The cleanup is done; dropping the finalizer must not be abandoned half-way by a cancellation.
            var updated = await finalizers.RemoveAsync(last.Entity, identifier, CancellationToken.None);
            if (updated is null)
            {
                return last;
            }

            entity = updated;
        }

        return last;
    }

    private async Task<ReconciliationResult<TEntity>> DeletedAsync(TEntity lastState, CancellationToken cancellationToken)
    {
        LogDeleted(logger, _kind, lastState.Metadata.NamespaceProperty, lastState.Metadata.Name);
        await using var scope = scopes.CreateAsyncScope();
        var controller = scope.ServiceProvider.GetRequiredService<IEntityController<TEntity>>();
        return await controller.DeletedAsync(lastState, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reconciling {Kind} {Namespace}/{Name} (generation {Generation})")]
    private static partial void LogReconciling(ILogger logger, string kind, string? @namespace, string name, long? generation);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Finalizing {Kind} {Namespace}/{Name} with {Finalizer}")]
    private static partial void LogFinalizing(ILogger logger, string kind, string? @namespace, string name, string finalizer);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Kind} {Namespace}/{Name} was deleted")]
    private static partial void LogDeleted(ILogger logger, string kind, string? @namespace, string name);
}
