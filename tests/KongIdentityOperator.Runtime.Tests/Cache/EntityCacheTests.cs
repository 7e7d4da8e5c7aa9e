using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Runtime.Queue;

namespace KongIdentityOperator.Runtime.Tests.Cache;

public sealed class EntityCacheTests
{
    private const string ByRef = "ref";

    private readonly EntityCache<V1ConfigMap> _cache = new(
        keepObjects: true,
        new Dictionary<string, Func<V1ConfigMap, IEnumerable<string>>>
        {
            [ByRef] = m => m.Data is { } data && data.TryGetValue("ref", out var r) ? [m.Metadata.NamespaceProperty + "/" + r] : [],
        });

    private static V1ConfigMap Map(string name, string rv, string? reference = null, string ns = "ns") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, ResourceVersion = rv, Uid = name },
        Data = reference is null ? null : new Dictionary<string, string> { ["ref"] = reference },
    };

    [Fact]
    public void A_redelivered_version_is_not_a_change()
    {
        Assert.NotNull(_cache.Apply(WatchEventType.Added, Map("a", "1")));

        Assert.Null(_cache.Apply(WatchEventType.Modified, Map("a", "1")));

        var change = _cache.Apply(WatchEventType.Modified, Map("a", "2"));
        Assert.Equal(WatchEventType.Modified, change!.Type);
        Assert.Equal("1", change.Old!.Metadata.ResourceVersion);
    }

    [Fact]
    public void Indexes_follow_updates_and_deletions()
    {
        _cache.Apply(WatchEventType.Added, Map("a", "1", reference: "x"));
        _cache.Apply(WatchEventType.Added, Map("b", "2", reference: "x"));
        _cache.Apply(WatchEventType.Added, Map("c", "3", reference: "y"));

        Assert.Equal(["a", "b"], _cache.GetByIndex(ByRef, "ns/x").Select(m => m.Metadata.Name).Order());

        _cache.Apply(WatchEventType.Modified, Map("b", "4", reference: "y"));
        _cache.Apply(WatchEventType.Deleted, Map("c", "5", reference: "y"));

        Assert.Equal([new EntityKey("ns", "a")], _cache.GetKeysByIndex(ByRef, "ns/x"));
        Assert.Equal([new EntityKey("ns", "b")], _cache.GetKeysByIndex(ByRef, "ns/y"));
        Assert.Empty(_cache.GetByIndex(ByRef, "ns/none"));
    }

    [Fact]
    public void An_unknown_index_is_an_error() =>
        Assert.Throws<ArgumentException>(() => _cache.GetByIndex("nope", "x"));

    [Fact]
    public void A_relist_reports_additions_updates_and_objects_deleted_while_disconnected()
    {
        _cache.Apply(WatchEventType.Added, Map("kept", "1"));
        _cache.Apply(WatchEventType.Added, Map("changed", "2"));
        _cache.Apply(WatchEventType.Added, Map("gone", "3"));
        _cache.Apply(WatchEventType.Added, Map("elsewhere", "4", ns: "other"));

        var changes = _cache.Replace("ns", [Map("kept", "1"), Map("changed", "5"), Map("new", "6")]);

        Assert.Equal(
            [(WatchEventType.Modified, "changed"), (WatchEventType.Added, "new"), (WatchEventType.Deleted, "gone")],
            changes.Select(c => (c.Type, c.Current.Metadata.Name)));
        Assert.Equal(["changed", "elsewhere", "kept", "new"], _cache.List().Select(m => m.Metadata.Name).Order());
    }

    [Fact]
    public void Reads_return_copies_that_do_not_alter_the_cache()
    {
        _cache.Apply(WatchEventType.Added, Map("a", "1", reference: "x"));

        var copy = _cache.Get("ns", "a")!;
        copy.Data["ref"] = "changed";
        copy.Metadata.ResourceVersion = "99";

        Assert.Equal("x", _cache.Get("ns", "a")!.Data["ref"]);
        Assert.Equal("1", _cache.Peek(new EntityKey("ns", "a"))!.Metadata.ResourceVersion);
    }

    [Fact]
    public void List_can_filter_by_namespace()
    {
        _cache.Apply(WatchEventType.Added, Map("a", "1"));
        _cache.Apply(WatchEventType.Added, Map("b", "2", ns: "other"));

        Assert.Equal("b", Assert.Single(_cache.List("other")).Metadata.Name);
        Assert.Equal(2, _cache.List().Count);
    }

    [Fact]
    public void A_metadata_only_cache_keeps_no_values_and_refuses_reads()
    {
        var cache = new EntityCache<V1Secret>(keepObjects: false, new Dictionary<string, Func<V1Secret, IEnumerable<string>>>());
        var secret = new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "s", NamespaceProperty = "ns", ResourceVersion = "1" },
            Data = new Dictionary<string, byte[]> { ["token"] = [1, 2, 3] },
        };

        cache.Apply(WatchEventType.Added, secret);

        Assert.Null(cache.Peek(new EntityKey("ns", "s"))!.Data);
        Assert.Throws<InvalidOperationException>(() => cache.Get("ns", "s"));
        Assert.Throws<InvalidOperationException>(() => cache.List());
    }

    [Fact]
    public async Task Sync_completes_waiters()
    {
        var waiting = _cache.WaitForSyncAsync(TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted);
        Assert.False(_cache.HasSynced);

        _cache.MarkSynced();

        await waiting.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.True(_cache.HasSynced);
    }

    [Fact]
    public void A_throwing_index_function_leaves_the_object_unindexed_but_cached()
    {
        var cache = new EntityCache<V1ConfigMap>(
            keepObjects: true,
            new Dictionary<string, Func<V1ConfigMap, IEnumerable<string>>> { [ByRef] = m => [m.Data["ref"]] });

        cache.Apply(WatchEventType.Added, Map("a", "1"));

        Assert.NotNull(cache.Get("ns", "a"));
        Assert.Empty(cache.GetKeysByIndex(ByRef, "x"));
    }
}
