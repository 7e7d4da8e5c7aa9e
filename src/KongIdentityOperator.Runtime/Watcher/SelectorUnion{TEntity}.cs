using System.Globalization;
using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Runtime.Queue;

namespace KongIdentityOperator.Runtime.Watcher;

/// <summary>
/// Merges several list+watches of one kind, each with its own label selector, into one cache: an object stays cached
/// while at least one selector matches it. A watch reports an object that stops matching its selector as DELETED
/// (with the new state); if another selector still matches, that is a modification, not a deletion. Watches are not
/// ordered with each other, so an object both match never goes back to an older resourceVersion.
/// </summary>
internal sealed class SelectorUnion<TEntity>(EntityCache<TEntity> cache)
    where TEntity : class, IKubernetesObject<V1ObjectMeta>, new()
{
    private const int MaxSources = 32;

    private readonly Lock _lock = new();

    // Which selectors (bit per source) currently match each cached object.
    private readonly Dictionary<EntityKey, uint> _sources = [];

    public EntityChange<TEntity>? Apply(int source, WatchEventType type, TEntity entity)
    {
        var key = EntityKey.From(entity);
        var bit = Bit(source);
        lock (_lock)
        {
            var held = _sources.GetValueOrDefault(key);
            if (type == WatchEventType.Deleted)
            {
                held &= ~bit;
                if (held == 0)
                {
                    _sources.Remove(key);
                    return cache.Apply(WatchEventType.Deleted, entity);
                }

                _sources[key] = held;
                return IsStale(key, entity) ? null : cache.Apply(WatchEventType.Modified, entity);
            }

            _sources[key] = held | bit;
            return IsStale(key, entity) ? null : cache.Apply(type, entity);
        }
    }

    /// <summary>A fresh list of one selector in one namespace (null: all): what it no longer lists stays if another selector holds it.</summary>
    public IReadOnlyList<EntityChange<TEntity>> Replace(int source, string? @namespace, IReadOnlyList<TEntity> items)
    {
        var bit = Bit(source);
        lock (_lock)
        {
            var kept = new List<TEntity>(items.Count);
            var listed = new HashSet<EntityKey>();
            foreach (var item in items)
            {
                var key = EntityKey.From(item);
                listed.Add(key);
                _sources[key] = _sources.GetValueOrDefault(key) | bit;
                kept.Add(IsStale(key, item) && cache.Peek(key) is { } newer ? newer : item);
            }

            foreach (var (key, held) in _sources.Where(p => (@namespace is null || p.Key.Namespace == @namespace) && !listed.Contains(p.Key)).ToList())
            {
                var rest = held & ~bit;
                if (rest == 0)
                {
                    _sources.Remove(key);
                }
                else
                {
                    _sources[key] = rest;
                    if (cache.Peek(key) is { } other)
                    {
                        kept.Add(other);
                    }
                }
            }

            return cache.Replace(@namespace, kept);
        }
    }

    private static uint Bit(int source)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(source, MaxSources);
        return 1u << source;
    }

    /// <summary>Whether the cache already holds a newer version of the same object (resourceVersions compared as numbers when they are).</summary>
    private bool IsStale(EntityKey key, TEntity entity)
    {
        if (cache.Version(key) is not { } cached || cached.Uid != entity.Metadata.Uid)
        {
            return false;
        }

        return ulong.TryParse(cached.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var have)
            && ulong.TryParse(entity.Metadata.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var got)
            && got < have;
    }
}
