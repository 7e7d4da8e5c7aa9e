namespace KongIdentityOperator.Sandbox.KubeApi.Storage;

/// <summary>
/// The bounded, append-only log of committed changes that watches resume from. Older entries fall off the front;
/// a resume point before what is left is "too old" (410 Expired), like etcd compaction. Not thread-safe: the store
/// calls it under its lock.
/// </summary>
internal sealed class ChangeHistory(int capacity)
{
    private readonly Queue<ObjectChange> _changes = new();

    /// <summary>Every change at or below this resourceVersion is gone; a watch may resume from here or later.</summary>
    public long CompactedThrough { get; private set; }

    public void Append(ObjectChange change)
    {
        _changes.Enqueue(change);
        while (_changes.Count > Math.Max(1, capacity))
        {
            CompactedThrough = _changes.Dequeue().ResourceVersion;
        }
    }

    /// <summary>Forgets everything up to <paramref name="resourceVersion"/>.</summary>
    public void CompactThrough(long resourceVersion)
    {
        while (_changes.Count > 0 && _changes.Peek().ResourceVersion <= resourceVersion)
        {
            _changes.Dequeue();
        }

        CompactedThrough = Math.Max(CompactedThrough, resourceVersion);
    }

    public IEnumerable<ObjectChange> After(long resourceVersion) => _changes.Where(c => c.ResourceVersion > resourceVersion);
}
