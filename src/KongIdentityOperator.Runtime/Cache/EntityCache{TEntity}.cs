using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Queue;

namespace KongIdentityOperator.Runtime.Cache;

/// <summary>
/// The store behind an informer: objects by key plus secondary indexes. Objects are kept as their UTF-8 JSON (a
/// fraction of the memory of the object graph, which matters with tens of thousands of objects) and every read
/// materializes a fresh copy, so that cached state is never shared with callers that mutate. When <c>keepObjects</c>
/// is false only metadata is kept (enough to diff a relist and to report deletions) and reads are refused, so that,
/// for example, Secret values are not retained.
/// </summary>
internal sealed class EntityCache<TEntity> : IEntityCache<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>, new()
{
    private readonly Lock _lock = new();
    private readonly Dictionary<EntityKey, Stored> _items = [];
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
        Stored? stored;
        lock (_lock)
        {
            _items.TryGetValue(new EntityKey(@namespace, name), out stored);
        }

        return stored?.Materialize();
    }

    public IReadOnlyList<TEntity> List(string? @namespace = null)
    {
        EnsureReadable();
        List<Stored> stored;
        lock (_lock)
        {
            stored = [.. _items.Where(i => @namespace is null || i.Key.Namespace == @namespace).Select(i => i.Value)];
        }

        return [.. stored.Select(s => s.Materialize())];
    }

    public IReadOnlyList<TEntity> GetByIndex(string indexName, string indexKey)
    {
        EnsureReadable();
        List<Stored> stored;
        lock (_lock)
        {
            stored = [.. KeysByIndexLocked(indexName, indexKey).Select(k => _items[k])];
        }

        return [.. stored.Select(s => s.Materialize())];
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

    /// <summary>
    /// The cached object for the runtime's own use: a fresh copy when objects are kept, the shared metadata-only
    /// instance otherwise (never to be mutated).
    /// </summary>
    public TEntity? Peek(EntityKey key)
    {
        Stored? stored;
        lock (_lock)
        {
            stored = _items.GetValueOrDefault(key);
        }

        return stored?.Materialize();
    }

    /// <summary>The uid and resourceVersion of the cached object, without materializing it.</summary>
    public (string? Uid, string? ResourceVersion)? Version(EntityKey key)
    {
        lock (_lock)
        {
            return _items.TryGetValue(key, out var stored) ? (stored.Uid, stored.ResourceVersion) : null;
        }
    }

    /// <summary>Stores <paramref name="entity"/>; returns the change, or null when the same version was already stored.</summary>
    public EntityChange<TEntity>? Apply(WatchEventType type, TEntity entity)
    {
        var key = EntityKey.From(entity);
        Stored? old;
        lock (_lock)
        {
            _items.TryGetValue(key, out old);
            if (type == WatchEventType.Deleted)
            {
                if (old is not null)
                {
                    RemoveLocked(key);
                }
            }
            else if (old is not null && old.ResourceVersion == entity.Metadata.ResourceVersion)
            {
                return null;
            }
            else
            {
                StoreLocked(key, old, entity);
            }
        }

        var changeType = type == WatchEventType.Deleted ? WatchEventType.Deleted : old is null ? WatchEventType.Added : WatchEventType.Modified;
        return new EntityChange<TEntity>(changeType, old?.Materialize(), entity);
    }

    /// <summary>
    /// Replaces the content of one namespace (or of everything when <paramref name="namespace"/> is null) with a fresh
    /// list; returns the differences, including deletions that happened while no watch was open.
    /// </summary>
    public IReadOnlyList<EntityChange<TEntity>> Replace(string? @namespace, IReadOnlyList<TEntity> items)
    {
        var changes = new List<(WatchEventType Type, Stored? Old, TEntity? Current)>();
        lock (_lock)
        {
            var listed = new HashSet<EntityKey>();
            foreach (var item in items)
            {
                var key = EntityKey.From(item);
                listed.Add(key);
                _items.TryGetValue(key, out var old);
                if (old is not null && old.ResourceVersion == item.Metadata.ResourceVersion)
                {
                    continue;
                }

                StoreLocked(key, old, item);
                changes.Add((old is null ? WatchEventType.Added : WatchEventType.Modified, old, item));
            }

            var gone = _items.Where(i => (@namespace is null || i.Key.Namespace == @namespace) && !listed.Contains(i.Key)).ToList();
            foreach (var (key, old) in gone)
            {
                RemoveLocked(key);
                changes.Add((WatchEventType.Deleted, old, null));
            }
        }

        return [.. changes.Select(c =>
        {
            var old = c.Old?.Materialize();
            return new EntityChange<TEntity>(c.Type, old, c.Current ?? old!);
        })];
    }

    private void StoreLocked(EntityKey key, Stored? old, TEntity entity)
    {
        if (old is not null)
        {
            foreach (var index in _indexes.Values)
            {
                index.Remove(key);
            }
        }

        _items[key] = _keepObjects ? Stored.Full(entity) : Stored.MetadataOnly(entity);
        foreach (var index in _indexes.Values)
        {
            index.Add(key, entity);
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

    /// <summary>One cached object: its JSON, or only its metadata; uid and version at hand for comparisons.</summary>
    private sealed class Stored
    {
        private readonly byte[]? _json;
        private readonly TEntity? _metadataOnly;

        private Stored(byte[]? json, TEntity? metadataOnly, V1ObjectMeta metadata)
        {
            _json = json;
            _metadataOnly = metadataOnly;
            Uid = metadata.Uid;
            ResourceVersion = metadata.ResourceVersion;
        }

        public string? Uid { get; }

        public string? ResourceVersion { get; }

        public static Stored Full(TEntity entity)
        {
            StripManagedFields(entity);
            return new(KubernetesJsonOptions.SerializeToUtf8Bytes(entity), null, entity.Metadata);
        }

        // The API server's field bookkeeping is often the largest part of an object's metadata; nothing here reads it,
        // and a write that omits it keeps the server's.
        private static void StripManagedFields(TEntity entity)
        {
            if (entity.Metadata is { ManagedFields: not null } metadata)
            {
                metadata.ManagedFields = null;
            }
        }

        public static Stored MetadataOnly(TEntity entity)
        {
            StripManagedFields(entity);
            return new(null, new TEntity { ApiVersion = entity.ApiVersion, Kind = entity.Kind, Metadata = entity.Metadata }, entity.Metadata);
        }

        public TEntity Materialize() => _json is null ? _metadataOnly! : KubernetesJsonOptions.Deserialize<TEntity>(_json);
    }

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
