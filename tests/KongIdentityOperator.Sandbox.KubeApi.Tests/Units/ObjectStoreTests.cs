using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Registry;
using KongIdentityOperator.Sandbox.KubeApi.Selectors;
using KongIdentityOperator.Sandbox.KubeApi.Storage;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Units;

public sealed class ObjectStoreTests
{
    private static readonly ResourceKey Things = new("example.com", "things");

    private static JsonObject Thing(string name, string label = "a") =>
        new() { ["metadata"] = new JsonObject { ["name"] = name, ["uid"] = name + "-uid", ["labels"] = new JsonObject { ["l"] = label } } };

    private static WatchFilter All => new(Things, null, LabelSelector.Everything, FieldSelector.Everything);

    [Fact]
    public void A_watcher_that_never_reads_does_not_block_writers_and_is_closed()
    {
        var store = new ObjectStore(historySize: 100, watchBufferSize: 4, TimeSpan.Zero, TimeProvider.System);
        var stalled = store.Watch(All, fromResourceVersion: null, allowBookmarks: false, sendInitialEvents: false);

        for (var i = 0; i < 50; i++)
        {
            store.Write(tx => tx.Put(new ObjectKey(Things, "ns", $"t{i}"), Thing($"t{i}")));
        }

        Assert.True(stalled.IsClosed);
        Assert.Equal(0, store.WatcherCount);
        Assert.Equal(50, store.CurrentResourceVersion);
    }

    [Fact]
    public void Every_write_gets_the_next_global_resource_version()
    {
        var store = new ObjectStore(historySize: 100, watchBufferSize: 10, TimeSpan.Zero, TimeProvider.System);

        var a = store.Write(tx => tx.Put(new ObjectKey(Things, "ns", "a"), Thing("a")));
        var b = store.Write(tx => tx.Put(new ObjectKey(new ResourceKey("", "configmaps"), "ns", "b"), Thing("b")));
        var deleted = store.Write(tx => tx.Delete(a.Key, a.ToJsonObject()));

        Assert.Equal([1L, 2L, 3L], [a.ResourceVersion, b.ResourceVersion, deleted.ResourceVersion]);
        Assert.Equal("3", deleted.ToJsonObject()["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Null(store.Get(a.Key));
    }

    [Fact]
    public void Resume_replays_from_history_and_expires_when_compacted()
    {
        var store = new ObjectStore(historySize: 100, watchBufferSize: 10, TimeSpan.Zero, TimeProvider.System);
        var first = store.Write(tx => tx.Put(new ObjectKey(Things, "ns", "a"), Thing("a")));
        store.Write(tx => tx.Put(new ObjectKey(Things, "ns", "b"), Thing("b")));

        var resumed = store.Watch(All, first.ResourceVersion, allowBookmarks: false, sendInitialEvents: false);
        Assert.True(resumed.Messages.TryRead(out var replayed));
        Assert.Equal("b", replayed.Object!.Key.Name);
        Assert.False(resumed.Messages.TryRead(out _));

        store.CompactHistory();
        var e = Assert.Throws<KongIdentityOperator.Sandbox.KubeApi.Errors.StatusException>(
            () => store.Watch(All, first.ResourceVersion, allowBookmarks: false, sendInitialEvents: false));
        Assert.Equal(410, e.Code);
    }

    [Fact]
    public void Send_initial_events_ends_with_an_annotated_bookmark()
    {
        var store = new ObjectStore(historySize: 100, watchBufferSize: 10, TimeSpan.Zero, TimeProvider.System);
        store.Write(tx => tx.Put(new ObjectKey(Things, "ns", "a"), Thing("a")));

        var watcher = store.Watch(All, fromResourceVersion: null, allowBookmarks: true, sendInitialEvents: true);

        Assert.True(watcher.Messages.TryRead(out var added));
        Assert.Equal(ChangeType.Added, added.Type);
        Assert.True(watcher.Messages.TryRead(out var bookmark));
        Assert.True(bookmark.InitialEventsEnd);
        Assert.Equal(1, bookmark.ResourceVersion);
    }
}
