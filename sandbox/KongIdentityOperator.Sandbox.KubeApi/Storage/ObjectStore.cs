using KongIdentityOperator.Sandbox.KubeApi.Errors;
using KongIdentityOperator.Sandbox.KubeApi.Registry;

namespace KongIdentityOperator.Sandbox.KubeApi.Storage;

/// <summary>
/// All objects of the sandbox behind one lock, with one global increasing resourceVersion, the bounded change
/// history, and the open watchers. Writers never wait on watchers: delivery is a non-blocking queue offer.
/// </summary>
internal sealed class ObjectStore(int historySize, int watchBufferSize, TimeSpan historyWindow, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ObjectKey, StoredObject> _objects = [];
    private readonly Dictionary<string, StoredObject> _byUid = new(StringComparer.Ordinal);
    private readonly ChangeHistory _history = new(historySize, historyWindow);
    private readonly HashSet<Watcher> _watchers = [];
    private long _resourceVersion;

    /// <summary>Raised under the lock after every committed write; handlers must not block.</summary>
    public event Action<ObjectChange>? Committed;

    public long CurrentResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _resourceVersion;
            }
        }
    }

    public int WatcherCount
    {
        get
        {
            lock (_gate)
            {
                return _watchers.Count;
            }
        }
    }

    public StoredObject? Get(ObjectKey key)
    {
        lock (_gate)
        {
            return GetUnlocked(key);
        }
    }

    public StoredObject? FindByUid(string uid)
    {
        lock (_gate)
        {
            return _byUid.GetValueOrDefault(uid);
        }
    }

    /// <summary>The objects of one resource (optionally one namespace) in name order, with the list's resourceVersion.</summary>
    public (IReadOnlyList<StoredObject> Items, long ResourceVersion) List(ResourceKey resource, string? @namespace)
    {
        lock (_gate)
        {
            return (ListUnlocked(resource, @namespace), _resourceVersion);
        }
    }

    /// <summary>
    /// The objects of one resource as they were at <paramref name="resourceVersion"/> (current state with the later
    /// retained changes undone), for consistent paging and exact-version lists; null when that version is older than
    /// the retained history.
    /// </summary>
    public IReadOnlyList<StoredObject>? ListAt(ResourceKey resource, string? @namespace, long resourceVersion)
    {
        lock (_gate)
        {
            _history.Expire(time.GetUtcNow());
            if (resourceVersion < _history.CompactedThrough)
            {
                return null;
            }

            var state = ListUnlocked(resource, @namespace).ToDictionary(o => o.Key);
            foreach (var change in _history.After(resourceVersion).Reverse())
            {
                var key = change.Object.Key;
                if (key.Resource != resource || (@namespace is not null && key.Namespace != @namespace))
                {
                    continue;
                }

                if (change.Previous is null)
                {
                    state.Remove(key);
                }
                else
                {
                    state[key] = change.Previous;
                }
            }

            return
            [
                .. state.Values
                    .OrderBy(o => o.Key.Namespace, StringComparer.Ordinal)
                    .ThenBy(o => o.Key.Name, StringComparer.Ordinal),
            ];
        }
    }

    public IReadOnlyList<StoredObject> All()
    {
        lock (_gate)
        {
            return [.. _objects.Values];
        }
    }

    /// <summary>Runs <paramref name="body"/> atomically; a throw before any write leaves the store unchanged.</summary>
    public T Write<T>(Func<StoreTransaction, T> body)
    {
        lock (_gate)
        {
            return body(new StoreTransaction(this));
        }
    }

    /// <summary>
    /// Opens a watch. Without a resourceVersion (or "0") the current matching objects come first as ADDED; with
    /// one, every retained change after it is replayed. A resourceVersion older than the history throws 410.
    /// </summary>
    public Watcher Watch(WatchFilter filter, long? fromResourceVersion, bool allowBookmarks, bool sendInitialEvents)
    {
        lock (_gate)
        {
            _history.Expire(time.GetUtcNow());
            if (fromResourceVersion is { } from && !sendInitialEvents)
            {
                if (from < _history.CompactedThrough)
                {
                    throw ApiErrors.Expired(from, _history.CompactedThrough + 1);
                }

                var replay = _history.After(from).ToList();
                var watcher = new Watcher(filter, allowBookmarks, replay.Count + watchBufferSize);
                foreach (var change in replay)
                {
                    watcher.Offer(change);
                }

                _watchers.Add(watcher);
                return watcher;
            }

            var initial = ListUnlocked(filter.Resource, filter.Namespace).Where(filter.Matches).OrderBy(o => o.ResourceVersion).ToList();
            var fresh = new Watcher(filter, allowBookmarks, initial.Count + 1 + watchBufferSize);
            foreach (var obj in initial)
            {
                fresh.OfferInitial(obj);
            }

            if (sendInitialEvents)
            {
                fresh.OfferBookmark(_resourceVersion, initialEventsEnd: true);
            }

            _watchers.Add(fresh);
            return fresh;
        }
    }

    public void StopWatching(Watcher watcher)
    {
        lock (_gate)
        {
            _watchers.Remove(watcher);
        }

        watcher.Close();
    }

    public void DropAllWatches()
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Close();
            }

            _watchers.Clear();
        }
    }

    /// <summary>Closes the watches on one resource (its CRD went away).</summary>
    public void DropWatches(ResourceKey resource)
    {
        lock (_gate)
        {
            DropWatchesUnlocked(resource);
        }
    }

    public void EmitBookmarks()
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.OfferBookmark(_resourceVersion);
            }
        }
    }

    /// <summary>Forgets all history, so resuming from any older resourceVersion gets 410 Expired.</summary>
    public void CompactHistory()
    {
        lock (_gate)
        {
            _history.CompactThrough(_resourceVersion);
        }
    }

    internal long CurrentResourceVersionUnlocked() => _resourceVersion;

    internal void DropWatchesUnlocked(ResourceKey resource)
    {
        foreach (var watcher in _watchers.Where(w => w.Filter.Resource == resource).ToList())
        {
            watcher.Close();
            _watchers.Remove(watcher);
        }
    }

    internal StoredObject? GetUnlocked(ObjectKey key) => _objects.GetValueOrDefault(key);

    internal IReadOnlyList<StoredObject> ListUnlocked(ResourceKey resource, string? @namespace) =>
        [
            .. _objects.Values
                .Where(o => o.Key.Resource == resource && (@namespace is null || o.Key.Namespace == @namespace))
                .OrderBy(o => o.Key.Namespace, StringComparer.Ordinal)
                .ThenBy(o => o.Key.Name, StringComparer.Ordinal),
        ];

    internal long NextResourceVersion() => ++_resourceVersion;

    internal void CommitUnlocked(StoredObject stored, bool deleted)
    {
        var previous = _objects.GetValueOrDefault(stored.Key);
        if (previous is not null)
        {
            _byUid.Remove(previous.Uid);
        }

        if (deleted)
        {
            _objects.Remove(stored.Key);
        }
        else
        {
            _objects[stored.Key] = stored;
            _byUid[stored.Uid] = stored;
        }

        var type = deleted ? ChangeType.Deleted : previous is null ? ChangeType.Added : ChangeType.Modified;
        var change = new ObjectChange(stored.ResourceVersion, type, stored, previous);
        _history.Append(change, time.GetUtcNow());
        List<Watcher>? overflowed = null;
        foreach (var watcher in _watchers)
        {
            if (!watcher.Offer(change))
            {
                (overflowed ??= []).Add(watcher);
            }
        }

        foreach (var watcher in overflowed ?? [])
        {
            _watchers.Remove(watcher);
        }

        Committed?.Invoke(change);
    }
}
