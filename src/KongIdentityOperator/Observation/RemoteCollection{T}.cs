namespace KongIdentityOperator.Observation;

/// <summary>
/// What the operator last saw of one remote collection: objects by id (including "not there"), each with the time of
/// the look, and whether a complete list was read recently. A lookup is answered from what is fresh; otherwise it
/// either GETs the one object or, when more objects of the collection are about to be looked up than the list has
/// pages, reads the whole list once for all of them (one list at a time: concurrent lookups wait for it).
/// </summary>
internal sealed class RemoteCollection<T> : IRemoteCollection
    where T : class
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Observed> _objects = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _freshness;
    private long? _listedAt;
    private int _listedCount;
    private long _invalidatedAt = long.MinValue;
    private Task? _listing;

    public RemoteCollection(TimeProvider time, TimeSpan freshness)
    {
        _time = time;
        _freshness = freshness;
    }

    /// <summary>Complete lists read so far (for tests and diagnostics).</summary>
    public int ListsRead { get; private set; }

    /// <summary>
    /// The object with <paramref name="id"/> as last seen, or null when it does not exist. <paramref name="demand"/>
    /// is asked only when Konnect must be read: how many lookups of this collection are about to happen (this one
    /// included) and how many objects the collection is expected to hold.
    /// </summary>
    public async Task<T?> FindAsync(string id, RemoteReader<T> reader, Func<(int Pending, int Expected)> demand, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(demand);
        for (var waitedForList = false; ; waitedForList = true)
        {
            Task? listing;
            lock (_lock)
            {
                if (TryFreshLocked(id, out var known))
                {
                    return known;
                }

                if (_listing is null && !waitedForList && ShouldListLocked(reader.PageSize, demand()))
                {
                    // Started outside the lock's scope of work: the first page is sent on the thread pool.
                    _listing = Task.Run(() => ListAsync(reader), CancellationToken.None);
                }

                listing = waitedForList ? null : _listing;
            }

            if (listing is null)
            {
                break;
            }

            await listing.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var started = _time.GetTimestamp();
        var value = await reader.GetAsync(id, cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            if (started >= _invalidatedAt && (!_objects.TryGetValue(id, out var existing) || existing.At <= started))
            {
                _objects[id] = new Observed(value, started);
            }
        }

        return value;
    }

    /// <summary>Records what one of our own writes answered (the object as Konnect now holds it).</summary>
    public void Remember(string id, T value)
    {
        lock (_lock)
        {
            _objects[id] = new Observed(value, _time.GetTimestamp());
        }
    }

    public void Invalidate()
    {
        lock (_lock)
        {
            _objects.Clear();
            _listedAt = null;
            _invalidatedAt = _time.GetTimestamp();
        }
    }

    public bool Prune()
    {
        lock (_lock)
        {
            foreach (var id in _objects.Where(o => !IsFresh(o.Value.At)).Select(o => o.Key).ToList())
            {
                _objects.Remove(id);
            }

            if (_listedAt is { } listed && !IsFresh(listed))
            {
                _listedAt = null;
            }

            return _objects.Count == 0 && _listedAt is null && _listing is null;
        }
    }

    private bool TryFreshLocked(string id, out T? value)
    {
        if (_objects.TryGetValue(id, out var observed) && IsFresh(observed.At))
        {
            value = observed.Value;
            return true;
        }

        // Not in a complete list read recently (nor written by us since): it does not exist.
        value = null;
        return _listedAt is { } listed && IsFresh(listed);
    }

    private bool ShouldListLocked(int pageSize, (int Pending, int Expected) demand)
    {
        var pages = Math.Max(1, (Math.Max(demand.Expected, _listedCount) + pageSize - 1) / pageSize);
        return demand.Pending > pages;
    }

    private async Task ListAsync(RemoteReader<T> reader)
    {
        var started = _time.GetTimestamp();
        try
        {
            var items = new List<T>();
            await foreach (var item in reader.ListAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                items.Add(item);
            }

            lock (_lock)
            {
                Merge(reader, items, started);
            }
        }
        finally
        {
            lock (_lock)
            {
                _listing = null;
            }
        }
    }

    private void Merge(RemoteReader<T> reader, List<T> items, long started)
    {
        // A delete seen while the list was read makes its pages unreliable; the next lookup looks again.
        if (started < _invalidatedAt)
        {
            return;
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var id = reader.IdOf(item);
            listed.Add(id);

            // Our own writes answered after the list started are newer than its pages.
            if (!_objects.TryGetValue(id, out var existing) || existing.At <= started)
            {
                _objects[id] = new Observed(item, started);
            }
        }

        foreach (var id in _objects.Where(o => o.Value.At <= started && !listed.Contains(o.Key)).Select(o => o.Key).ToList())
        {
            _objects.Remove(id);
        }

        _listedAt = started;
        _listedCount = items.Count;
        ListsRead++;
    }

    private bool IsFresh(long at) => _time.GetElapsedTime(at) < _freshness;

    private readonly record struct Observed(T? Value, long At);
}
