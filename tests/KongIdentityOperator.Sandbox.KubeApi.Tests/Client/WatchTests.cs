using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Client;

public sealed class WatchTests
{
    [Fact]
    public async Task Watch_without_resource_version_sends_current_objects_then_changes()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        await sandbox.CreateGizmoAsync(Gizmos.New("existing"));
        await using var watch = WatchRecorder.Gizmos(sandbox);

        var initial = await watch.NextAsync();
        await sandbox.CreateGizmoAsync(Gizmos.New("fresh"));
        await sandbox.PatchGizmoAsync("fresh", """{"spec":{"size":4}}""", V1Patch.PatchType.MergePatch);
        await sandbox.DeleteGizmoAsync("fresh");

        Assert.Equal((WatchEventType.Added, "existing"), (initial.Type, WatchRecorder.Name(initial.Object)));
        Assert.Equal(WatchEventType.Added, (await watch.NextAsync()).Type);
        var modified = await watch.NextAsync();
        Assert.Equal(WatchEventType.Modified, modified.Type);
        Assert.Equal(4, modified.Object["spec"]!["size"]!.GetValue<int>());
        Assert.Equal("Gizmo", modified.Object["kind"]!.GetValue<string>());
        var deleted = await watch.NextAsync();
        Assert.Equal(WatchEventType.Deleted, deleted.Type);
        Assert.True(long.Parse(deleted.Object["metadata"]!["resourceVersion"]!.GetValue<string>()) >
                    long.Parse(modified.Object["metadata"]!["resourceVersion"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Watch_from_a_resource_version_replays_only_later_changes()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        await sandbox.CreateGizmoAsync(Gizmos.New("before"));
        var list = ApiFixture.ToNode(await sandbox.Client.CustomObjects.ListNamespacedCustomObjectAsync(Gizmos.Group, Gizmos.Version, "default", Gizmos.Plural, cancellationToken: ApiFixture.Ct));
        var rv = list["metadata"]!["resourceVersion"]!.GetValue<string>();
        await sandbox.CreateGizmoAsync(Gizmos.New("after"));

        await using var watch = WatchRecorder.Gizmos(sandbox, resourceVersion: rv);
        var first = await watch.NextAsync();

        Assert.Equal((WatchEventType.Added, "after"), (first.Type, WatchRecorder.Name(first.Object)));
    }

    [Fact]
    public async Task Watch_from_a_compacted_resource_version_gets_a_410_Expired_error_event()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        var created = await sandbox.CreateGizmoAsync(Gizmos.New("old"));
        await sandbox.PatchGizmoAsync("old", """{"spec":{"size":5}}""", V1Patch.PatchType.MergePatch);
        sandbox.Server.Hooks.CompactHistory();

        await using var watch = WatchRecorder.Gizmos(sandbox, resourceVersion: created["metadata"]!["resourceVersion"]!.GetValue<string>());
        var rest = await watch.EndAsync();

        Assert.Empty(rest);
        var error = Assert.IsType<KubernetesException>(Assert.Single(watch.Errors));
        Assert.Equal(410, error.Status.Code);
        Assert.Equal("Expired", error.Status.Reason);
        Assert.StartsWith("too old resource version: ", error.Status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_beyond_its_size_expires()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync(new KubeApiServerOptions { WatchHistorySize = 3 });
        var created = await sandbox.CreateGizmoAsync(Gizmos.New("churn"));
        for (var size = 1; size <= 5; size++)
        {
            await sandbox.PatchGizmoAsync("churn", $$$"""{"spec":{"size":{{{size}}}}}""", V1Patch.PatchType.MergePatch);
        }

        await using var watch = WatchRecorder.Gizmos(sandbox, resourceVersion: created["metadata"]!["resourceVersion"]!.GetValue<string>());
        await watch.EndAsync();

        Assert.Equal(410, Assert.IsType<KubernetesException>(Assert.Single(watch.Errors)).Status.Code);
    }

    [Fact]
    public async Task Bookmarks_are_sent_on_demand_when_allowed()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync(new KubeApiServerOptions { BookmarkInterval = TimeSpan.Zero });
        await sandbox.CreateGizmoAsync(Gizmos.New("b"));
        await using var watch = WatchRecorder.Gizmos(sandbox, bookmarks: true);
        await watch.NextAsync();
        var changed = await sandbox.PatchGizmoAsync("b", """{"spec":{"size":6}}""", V1Patch.PatchType.MergePatch);
        await watch.NextAsync();

        sandbox.Server.Hooks.EmitBookmarks();
        var bookmark = await watch.NextAsync();

        Assert.Equal(WatchEventType.Bookmark, bookmark.Type);
        Assert.Equal("Gizmo", bookmark.Object["kind"]!.GetValue<string>());
        Assert.Equal(changed["metadata"]!["resourceVersion"]!.GetValue<string>(), bookmark.Object["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bookmarks_are_sent_periodically_on_the_server_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var sandbox = await ApiFixture.StartWithGizmosAsync(new KubeApiServerOptions { TimeProvider = clock, BookmarkInterval = TimeSpan.FromSeconds(5) });
        await sandbox.CreateGizmoAsync(Gizmos.New("p"));
        await using var watch = WatchRecorder.Gizmos(sandbox, bookmarks: true);
        await watch.NextAsync();

        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(WatchEventType.Bookmark, (await watch.NextAsync()).Type);
    }

    [Fact]
    public async Task No_bookmarks_without_allowWatchBookmarks()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync(new KubeApiServerOptions { BookmarkInterval = TimeSpan.Zero });
        await sandbox.CreateGizmoAsync(Gizmos.New("nb"));
        await using var watch = WatchRecorder.Gizmos(sandbox);
        await watch.NextAsync();

        sandbox.Server.Hooks.EmitBookmarks();
        await sandbox.CreateGizmoAsync(Gizmos.New("marker"));

        var next = await watch.NextAsync();
        Assert.Equal((WatchEventType.Added, "marker"), (next.Type, WatchRecorder.Name(next.Object)));
    }

    [Fact]
    public async Task TimeoutSeconds_ends_the_stream_on_the_server_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var sandbox = await ApiFixture.StartWithGizmosAsync(new KubeApiServerOptions { TimeProvider = clock });
        await sandbox.CreateGizmoAsync(Gizmos.New("t"));
        await using var watch = WatchRecorder.Gizmos(sandbox, timeoutSeconds: 30);
        await watch.NextAsync();

        clock.Advance(TimeSpan.FromSeconds(31));

        Assert.Empty(await watch.EndAsync());
        Assert.Empty(watch.Errors);
    }

    [Fact]
    public async Task Label_selector_watch_sees_objects_start_and_stop_matching()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        await sandbox.CreateGizmoAsync(Gizmos.New("l", labels: new JsonObject { ["team"] = "blue" }));
        await using var watch = WatchRecorder.Gizmos(sandbox, labelSelector: "team=red");

        await sandbox.PatchGizmoAsync("l", """{"metadata":{"labels":{"team":"red"}}}""", V1Patch.PatchType.MergePatch);
        var added = await watch.NextAsync();
        await sandbox.PatchGizmoAsync("l", """{"spec":{"size":2}}""", V1Patch.PatchType.MergePatch);
        var modified = await watch.NextAsync();
        await sandbox.PatchGizmoAsync("l", """{"metadata":{"labels":{"team":"green"}}}""", V1Patch.PatchType.MergePatch);
        var deleted = await watch.NextAsync();

        Assert.Equal(WatchEventType.Added, added.Type);
        Assert.Equal(WatchEventType.Modified, modified.Type);
        Assert.Equal(WatchEventType.Deleted, deleted.Type);
        Assert.Equal("green", deleted.Object["metadata"]!["labels"]!["team"]!.GetValue<string>());
    }

    [Fact]
    public async Task Field_selector_watch_follows_one_object()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        await using var watch = WatchRecorder.Gizmos(sandbox, fieldSelector: "metadata.name=mine");

        await sandbox.CreateGizmoAsync(Gizmos.New("other"));
        await sandbox.CreateGizmoAsync(Gizmos.New("mine"));

        Assert.Equal("mine", WatchRecorder.Name((await watch.NextAsync()).Object));
    }

    [Fact]
    public async Task Finalizer_delete_is_MODIFIED_then_DELETED_when_released()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        var gizmo = Gizmos.New("f");
        gizmo["metadata"]!["finalizers"] = new JsonArray("x/y");
        await sandbox.CreateGizmoAsync(gizmo);
        await using var watch = WatchRecorder.Gizmos(sandbox);
        await watch.NextAsync();

        await sandbox.DeleteGizmoAsync("f");
        var marked = await watch.NextAsync();
        await sandbox.PatchGizmoAsync("f", """{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch);
        var removed = await watch.NextAsync();

        Assert.Equal(WatchEventType.Modified, marked.Type);
        Assert.NotNull(marked.Object["metadata"]!["deletionTimestamp"]);
        Assert.Equal(WatchEventType.Deleted, removed.Type);
    }

    [Fact]
    public async Task Dropping_watches_ends_every_stream()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        await sandbox.CreateGizmoAsync(Gizmos.New("d"));
        await using var first = WatchRecorder.Gizmos(sandbox);
        await using var second = WatchRecorder.ConfigMaps(sandbox);
        await first.NextAsync();
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm" } }, "default", cancellationToken: ApiFixture.Ct);
        await second.NextAsync();

        sandbox.Server.Hooks.DropAllWatches();

        await first.EndAsync();
        await second.EndAsync();
    }
}
