using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Queue;

namespace KongIdentityOperator.Runtime.Cache;

/// <summary>
/// The store behind an informer: objects by key plus secondary indexes. Stored objects are never handed out for
/// mutation (reads copy). When <c>keepObjects</c> is false only metadata is kept (enough to diff a relist and to
/// report deletions) and reads are refused, so that, for example, Secret values are not retained.
/// </summary>
internal sealed class EntityCache<TEntity> : IEntityCache<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>, new()
{
    private readonly Lock _lock = new();
    private readonly Dictionary<EntityKey, TEntity> _items = [];
    private readonly Dictionary<string, Index> _indexes;
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool _keepObjects;

    public EntityCache(bool keepObjects, IReadOnlyDictionary<string, Func<TEntity, IEnumerable<string>>> indexers)
    {
        _keepObjects = keepObjects;
        _indexes = indexers.ToDictionary(i => i.Key, i => new Index(i.Value), StringComparer.Ordinal);
    }

    public bool HasSynced => _synced.Task.IsCompleted;

    public void MarkSynced() => _synced.TrySetResult();

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    public TEntity? Get(string? @namespace, string name)
    {
        EnsureReadable();
        lock (_lock)
        {
            return _items.TryGetValue(new EntityKey(@namespace, name), out var item) ? EntityCopy.Clone(item) : null;
        }
    }

    public IReadOnlyList<TEntity> List(string? @namespace = null)
    {
        EnsureReadable();
        lock (_lock)
        {
            return [.. _items.Where(i => @namespace is null || i.Key.Namespace == @namespace).Select(i => EntityCopy.Clone(i.Value))];
        }
    }

    public IReadOnlyList<TEntity> GetByIndex(string indexName, string indexKey)
    {
        EnsureReadable();
        lock (_lock)
        {
            return [.. KeysByIndexLocked(indexName, indexKey).Select(k => EntityCopy.Clone(_items[k]))];
        }
    }

    public IReadOnlyList<EntityKey> GetKeysByIndex(string indexName, string indexKey)
    {
        lock (_lock)
        {
            return [.. KeysByIndexLocked(indexName, indexKey)];
        }
    }

    /// <summary>Every key, without copying (for resyncs).</summary>
    public IReadOnlyList<EntityKey> Keys()
    {
        lock (_lock)
        {
            return [.. _items.Keys];
        }
    }

    /// <summary>The stored instance itself (never to be mutated), for the runtime's own comparisons.</summary>
    public TEntity? Peek(EntityKey key)
    {
        lock (_lock)
        {
            return _items.GetValueOrDefault(key);
        }
    }

    /// <summary>Stores <paramref name="entity"/>; returns the change, or null when the same version was already stored.</summary>
    public EntityChange<TEntity>? Apply(WatchEventType type, TEntity entity)
    {
        var key = EntityKey.From(entity);
        lock (_lock)
        {
            _items.TryGetValue(key, out var old);
            if (type == WatchEventType.Deleted)
            {
                if (old is not null)
                {
                    RemoveLocked(key);
                }

                return new EntityChange<TEntity>(WatchEventType.Deleted, old, entity);
            }

            if (old is not null && old.Metadata.ResourceVersion == entity.Metadata.ResourceVersion)
            {
                return null;
            }

            StoreLocked(key, old, entity);
            return new EntityChange<TEntity>(old is null ? WatchEventType.Added : WatchEventType.Modified, old, entity);
        }
    }

    /// <summary>
    /// Replaces the content of one namespace (or of everything when <paramref name="namespace"/> is null) with a fresh
    /// list; returns the differences, including deletions that happened while no watch was open.
    /// </summary>
    public IReadOnlyList<EntityChange<TEntity>> Replace(string? @namespace, IReadOnlyList<TEntity> items)
    {
        var changes = new List<EntityChange<TEntity>>();
        lock (_lock)
        {
            var listed = new HashSet<EntityKey>();
            foreach (var item in items)
            {
                var key = EntityKey.From(item);
                listed.Add(key);
                _items.TryGetValue(key, out var old);
                if (old is not null && old.Metadata.ResourceVersion == item.Metadata.ResourceVersion)
                {
                    continue;
                }

                StoreLocked(key, old, item);
                changes.Add(new EntityChange<TEntity>(old is null ? WatchEventType.Added : WatchEventType.Modified, old, item));
            }

            var gone = _items.Where(i => (@namespace is null || i.Key.Namespace == @namespace) && !listed.Contains(i.Key)).ToList();
            foreach (var (key, old) in gone)
            {
                RemoveLocked(key);
                changes.Add(new EntityChange<TEntity>(WatchEventType.Deleted, old, old));
            }
        }

        return changes;
    }

    private void StoreLocked(EntityKey key, TEntity? old, TEntity entity)
    {
        if (old is not null)
        {
            foreach (var index in _indexes.Values)
            {
                index.Remove(key);
            }
        }

        var stored = _keepObjects ? entity : MetadataOnly(entity);
        _items[key] = stored;
        foreach (var index in _indexes.Values)
        {
            index.Add(key, stored);
        }
    }

    private void RemoveLocked(EntityKey key)
    {
        _items.Remove(key);
        foreach (var index in _indexes.Values)
        {
            index.Remove(key);
        }
    }

    private HashSet<EntityKey> KeysByIndexLocked(string indexName, string indexKey) =>
        _indexes.TryGetValue(indexName, out var index)
            ? index.Lookup(indexKey)
            : throw new ArgumentException($"No index named '{indexName}' is registered for {typeof(TEntity).Name}.", nameof(indexName));

    private void EnsureReadable()
    {
        if (!_keepObjects)
        {
            throw new InvalidOperationException(
                $"{typeof(TEntity).Name} is watched without a cache; register the watch with a cache to read it.");
        }
    }

    private static TEntity MetadataOnly(TEntity entity) => new()
    {
        ApiVersion = entity.ApiVersion,
        Kind = entity.Kind,
        Metadata = entity.Metadata,
    };

    /// <summary>One secondary index: index value → keys, plus the reverse map to update it.</summary>
    private sealed class Index(Func<TEntity, IEnumerable<string>> indexer)
    {
        private readonly Dictionary<string, HashSet<EntityKey>> _byValue = new(StringComparer.Ordinal);
        private readonly Dictionary<EntityKey, string[]> _byKey = [];

        public void Add(EntityKey key, TEntity entity)
        {
            var values = Evaluate(entity);
            _byKey[key] = values;
            foreach (var value in values)
            {
                if (!_byValue.TryGetValue(value, out var keys))
                {
                    _byValue[value] = keys = [];
                }

                keys.Add(key);
            }
        }

        public void Remove(EntityKey key)
        {
            if (!_byKey.Remove(key, out var values))
            {
                return;
            }

            foreach (var value in values)
            {
                if (_byValue.TryGetValue(value, out var keys) && keys.Remove(key) && keys.Count == 0)
                {
                    _byValue.Remove(value);
                }
            }
        }

        // An index function that throws (say, on a half-filled spec) must not break the watch that feeds the cache:
        // such an object is simply not indexed.
        private string[] Evaluate(TEntity entity)
        {
            try
            {
                return [.. (indexer(entity) ?? []).Where(v => v is not null).Distinct(StringComparer.Ordinal)];
            }
            catch (Exception)
            {
                return [];
            }
        }

        public HashSet<EntityKey> Lookup(string value) =>
            _byValue.TryGetValue(value, out var keys) ? keys : [];
    }
}
