namespace KongIdentityOperator.Sandbox.KubeApi.Storage;

/// <summary>
/// The bounded, append-only log of committed changes that watches resume from and paged lists read their snapshot
/// through. Entries fall off the front when there are more than <c>capacity</c> of them or when they are older than
/// <c>window</c> (as etcd compacts revisions older than about five minutes); a resume point before what is left is
/// "too old" (410 Expired). Not thread-safe: the store calls it under its lock.
/// </summary>
internal sealed class ChangeHistory(int capacity, TimeSpan window)
{
    private readonly Queue<(ObjectChange Change, DateTimeOffset At)> _changes = new();

    /// <summary>Every change at or below this resourceVersion is gone; a watch may resume from here or later.</summary>
    public long CompactedThrough { get; private set; }

    public void Append(ObjectChange change, DateTimeOffset now)
    {
        _changes.Enqueue((change, now));
        while (_changes.Count > Math.Max(1, capacity))
        {
            CompactedThrough = _changes.Dequeue().Change.ResourceVersion;
        }

        Expire(now);
    }

    /// <summary>Drops the changes older than the window (a window of zero or less keeps them until capacity).</summary>
    public void Expire(DateTimeOffset now)
    {
        if (window <= TimeSpan.Zero)
        {
            return;
        }

        var cutoff = now - window;
        while (_changes.Count > 0 && _changes.Peek().At <= cutoff)
        {
            CompactedThrough = Math.Max(CompactedThrough, _changes.Dequeue().Change.ResourceVersion);
        }
    }

    /// <summary>Forgets everything up to <paramref name="resourceVersion"/>.</summary>
    public void CompactThrough(long resourceVersion)
    {
        while (_changes.Count > 0 && _changes.Peek().Change.ResourceVersion <= resourceVersion)
        {
            _changes.Dequeue();
        }

        CompactedThrough = Math.Max(CompactedThrough, resourceVersion);
    }

    public IEnumerable<ObjectChange> After(long resourceVersion) =>
        _changes.Select(c => c.Change).Where(c => c.ResourceVersion > resourceVersion);
}
