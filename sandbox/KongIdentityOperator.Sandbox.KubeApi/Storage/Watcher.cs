using System.Threading.Channels;

namespace KongIdentityOperator.Sandbox.KubeApi.Storage;

/// <summary>
/// One open watch: a bounded queue the store fills under its lock and the HTTP response drains. A watcher that
/// falls behind by more than its capacity is closed rather than allowed to block writers (the real cacher does the
/// same), and its client reconnects from its last resourceVersion.
/// </summary>
internal sealed class Watcher
{
    private readonly Channel<WatchMessage> _channel;

    public Watcher(WatchFilter filter, bool allowBookmarks, int capacity)
    {
        Filter = filter;
        AllowBookmarks = allowBookmarks;
        _channel = Channel.CreateBounded<WatchMessage>(new BoundedChannelOptions(Math.Max(1, capacity))
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public WatchFilter Filter { get; }

    public bool AllowBookmarks { get; }

    public ChannelReader<WatchMessage> Messages => _channel.Reader;

    public bool IsClosed { get; private set; }

    /// <summary>Queues the change as this watcher sees it; false when the watcher had to be closed.</summary>
    public bool Offer(ObjectChange change)
    {
        if (Translate(change) is not { } message)
        {
            return true;
        }

        if (_channel.Writer.TryWrite(message))
        {
            return true;
        }

        Close();
        return false;
    }

    /// <summary>Queues a bookmark; a full queue just skips it (bookmarks are best effort).</summary>
    public void OfferBookmark(long resourceVersion, bool initialEventsEnd = false)
    {
        if (AllowBookmarks || initialEventsEnd)
        {
            _channel.Writer.TryWrite(new WatchMessage(ChangeType.Bookmark, null, resourceVersion, initialEventsEnd));
        }
    }

    public bool OfferInitial(StoredObject obj) =>
        _channel.Writer.TryWrite(new WatchMessage(ChangeType.Added, obj, obj.ResourceVersion));

    public void Close()
    {
        IsClosed = true;
        _channel.Writer.TryComplete();
    }

    /// <summary>
    /// Maps a storage change to this watcher's view: with selectors, an object that starts matching is ADDED and
    /// one that stops matching is DELETED (carrying its new state), as the real watch cache does.
    /// </summary>
    private WatchMessage? Translate(ObjectChange change)
    {
        if (change.Object.Key.Resource != Filter.Resource)
        {
            return null;
        }

        var now = Filter.Matches(change.Object);
        if (change.Type != ChangeType.Modified)
        {
            return now ? new WatchMessage(change.Type, change.Object, change.ResourceVersion) : null;
        }

        var before = change.Previous is not null && Filter.Matches(change.Previous);
        return (before, now) switch
        {
            (true, true) => new WatchMessage(ChangeType.Modified, change.Object, change.ResourceVersion),
            (false, true) => new WatchMessage(ChangeType.Added, change.Object, change.ResourceVersion),
            (true, false) => new WatchMessage(ChangeType.Deleted, change.Object, change.ResourceVersion),
            _ => null,
        };
    }
}
