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
/// <remarks>
/// Reads its own writes: when a reconcile returns the object as it wrote it (a newer <c>resourceVersion</c>) and the
/// next reconcile of the key starts before the watch has delivered that write, it starts from the written object
/// instead of the older cached one. Otherwise a reconcile woken by the previous one's side effect (say, the Secret it
/// wrote) would not see its status and would repeat its remote writes. "Older" compares resource versions as the
/// integers every API server uses (etcd revisions); should they not be integers, only the exact versions a write
/// replaced count as older.
/// </remarks>
internal sealed partial class Reconciler<TEntity>(
    EntityCache<TEntity> cache,
    IReadOnlyList<string> finalizerIdentifiers,
    bool autoAttachFinalizers,
    FinalizerWriter finalizers,
    IServiceScopeFactory scopes,
    ILogger logger)
    where TEntity : class, IKubernetesObject<V1ObjectMeta>, new()
{
    private const int SupersededVersionsKept = 8;

    private readonly ConcurrentDictionary<EntityKey, TEntity> _tombstones = new();
    private readonly ConcurrentDictionary<EntityKey, OwnWrite> _ownWrites = new();
    private readonly string _kind = EntityApiInfo.For<TEntity>().Kind;

    /// <summary>Remembers the last state of a deleted object until its <c>DeletedAsync</c> has run.</summary>
    public void RecordDeletion(TEntity lastState) => _tombstones[EntityKey.From(lastState)] = lastState;

    public void ClearDeletions()
    {
        _tombstones.Clear();
        _ownWrites.Clear();
    }

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
            _ownWrites.TryRemove(key, out _);
            return null;
        }

        // The cache hands out a fresh copy; only an own write kept here needs copying.
        var source = LatestKnown(key, cached);
        var entity = ReferenceEquals(source, cached) ? cached : EntityCopy.Clone(source);
        var (uid, version) = (source.Metadata.Uid, source.Metadata.ResourceVersion);
        var result = entity.Metadata.DeletionTimestamp is null
            ? await ReconcileLiveAsync(entity, cancellationToken)
            : await FinalizeAsync(entity, cancellationToken);
        RecordOwnWrite(key, uid, version, result?.Entity);
        return result;
    }

    /// <summary>Forgets an own write once the cache holds it (or something newer), so that nothing is kept for long.</summary>
    public void OnCached(EntityChange<TEntity> change)
    {
        var key = EntityKey.From(change.Current);
        if (_ownWrites.TryGetValue(key, out var own)
            && (change.Type == WatchEventType.Deleted || own.Written.Metadata.Uid != change.Current.Metadata.Uid || !IsOlder(change.Current.Metadata.ResourceVersion, own)))
        {
            _ownWrites.TryRemove(new KeyValuePair<EntityKey, OwnWrite>(key, own));
        }
    }

    /// <summary>The cached object, or what this reconciler last wrote when the cache still holds a version it replaced.</summary>
    private TEntity LatestKnown(EntityKey key, TEntity cached)
    {
        if (!_ownWrites.TryGetValue(key, out var own))
        {
            return cached;
        }

        if (own.Written.Metadata.Uid == cached.Metadata.Uid && IsOlder(cached.Metadata.ResourceVersion, own))
        {
            return own.Written;
        }

        _ownWrites.TryRemove(new KeyValuePair<EntityKey, OwnWrite>(key, own));
        return cached;
    }

    private void RecordOwnWrite(EntityKey key, string? uid, string? before, TEntity? written)
    {
        var after = written?.Metadata?.ResourceVersion;
        if (written is null || after is null || before is null || after == before || written.Metadata.Uid != uid)
        {
            return;
        }

        string[] superseded = _ownWrites.TryGetValue(key, out var previous) && previous.Written.Metadata.ResourceVersion == before
            ? [.. previous.Superseded.TakeLast(SupersededVersionsKept - 1), before]
            : [before];
        var own = new OwnWrite(superseded, written);
        _ownWrites[key] = own;

        // The watch may have delivered the write already, before it was recorded here.
        if (cache.Version(key) is not { } cached || cached.Uid != written.Metadata.Uid || !IsOlder(cached.ResourceVersion, own))
        {
            _ownWrites.TryRemove(new KeyValuePair<EntityKey, OwnWrite>(key, own));
        }
    }

    /// <summary>Own writes not yet seen in the cache (for tests).</summary>
    internal int PendingOwnWrites => _ownWrites.Count;

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

    private static bool IsOlder(string? cachedVersion, OwnWrite own) =>
        long.TryParse(cachedVersion, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var cached)
        && long.TryParse(own.Written.Metadata.ResourceVersion, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var written)
            ? cached < written
            : cachedVersion is not null && own.Superseded.Contains(cachedVersion);

    /// <summary>An object as a reconcile wrote it, and the versions of it that the write made obsolete.</summary>
    private sealed record OwnWrite(IReadOnlyCollection<string> Superseded, TEntity Written);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reconciling {Kind} {Namespace}/{Name} (generation {Generation})")]
    private static partial void LogReconciling(ILogger logger, string kind, string? @namespace, string name, long? generation);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Finalizing {Kind} {Namespace}/{Name} with {Finalizer}")]
    private static partial void LogFinalizing(ILogger logger, string kind, string? @namespace, string name, string finalizer);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Kind} {Namespace}/{Name} was deleted")]
    private static partial void LogDeleted(ILogger logger, string kind, string? @namespace, string name);
}
