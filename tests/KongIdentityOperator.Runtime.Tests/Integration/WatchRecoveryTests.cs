using KongIdentityOperator.Runtime.Tests.TestEntities;

namespace KongIdentityOperator.Runtime.Tests.Integration;

public sealed class WatchRecoveryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static int Requests(TestCluster cluster, string verb) =>
        cluster.Api.RequestLog.Count(r => r.Verb == verb && r.Resource == "widgets");

    [Fact]
    public async Task Dropped_watches_resume_without_missing_events()
    {
        await using var cluster = await TestCluster.StartAsync();
        var host = await cluster.StartOperatorAsync();
        await cluster.CreateWidgetAsync("a", "one");
        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/a") == 1, "the first reconcile");

        for (var round = 0; round < 3; round++)
        {
            var watchesBefore = Requests(cluster, "watch");
            cluster.Api.Hooks.DropAllWatches();
            await cluster.UpdateSpecAsync("a", $"v{round}");
            await cluster.CreateWidgetAsync($"new-{round}");
            await Eventually.TrueAsync(() => Requests(cluster, "watch") > watchesBefore, "a new watch request");
        }

        await Eventually.TrueAsync(() => host.Recorder.Calls.Any(c => c.Key == "default/a" && c.SpecValue == "v2"), "the last update");
        for (var round = 0; round < 3; round++)
        {
            await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", $"default/new-{round}") == 1, $"the create of round {round}");
        }

        await cluster.Client.DeleteAsync<Widget>("new-0", "default", Token);
        cluster.Api.Hooks.DropAllWatches();
        await Eventually.TrueAsync(() => host.Recorder.Count("DeletedAsync", "default/new-0") == 1, "the delete");

        // Resumed from the last resourceVersion: no relist was needed.
        Assert.Equal(1, Requests(cluster, "list"));
    }

    [Fact]
    public async Task An_expired_resource_version_relists_and_catches_up()
    {
        await using var cluster = await TestCluster.StartAsync();
        var host = await cluster.StartOperatorAsync();
        await cluster.CreateWidgetAsync("a", "one");
        await cluster.CreateWidgetAsync("b", "one");
        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/b") == 1, "the first reconciles");

        cluster.Api.Hooks.CompactHistory();
        cluster.Api.Hooks.DropAllWatches();
        await cluster.UpdateSpecAsync("a", "two");
        await cluster.Client.DeleteAsync<Widget>("b", "default", Token);
        await cluster.CreateWidgetAsync("c");

        await Eventually.TrueAsync(() => host.Recorder.Calls.Any(c => c.Key == "default/a" && c.SpecValue == "two"), "the update of a");
        await Eventually.TrueAsync(() => host.Recorder.Count("DeletedAsync", "default/b") == 1, "the deletion of b");
        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/c") == 1, "the creation of c");
        Assert.Equal(["default/a", "default/c"], host.Widgets.List().Select(w => $"{w.Metadata.NamespaceProperty}/{w.Metadata.Name}").Order());
    }

    [Fact]
    public async Task A_compacted_history_forces_exactly_one_relist()
    {
        await using var cluster = await TestCluster.StartAsync();
        var host = await cluster.StartOperatorAsync();
        await cluster.CreateWidgetAsync("a");
        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/a") == 1, "the first reconcile");

        // Move the resourceVersion on, so that resuming from the watcher's version falls before the compacted history.
        await cluster.CreateNamespaceAsync("elsewhere");
        cluster.Api.Hooks.CompactHistory();
        cluster.Api.Hooks.DropAllWatches();
        await cluster.CreateWidgetAsync("b");

        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/b") == 1, "the creation after the relist");
        await Eventually.TrueAsync(() => Requests(cluster, "list") == 2, "a second list");

        // The object that did not change is not reconciled again by the relist.
        Assert.Equal(1, host.Recorder.Count("ReconcileAsync", "default/a"));
    }

    [Fact]
    public async Task A_missing_kind_is_retried_with_backoff_until_it_is_served()
    {
        await using var cluster = await TestCluster.StartAsync(installCrd: false);
        var host = await cluster.StartOperatorAsync();

        await Eventually.TrueAsync(() => Requests(cluster, "list") >= 2, "list retries while the kind is not served");
        using var http = new HttpClient();
        var notReady = await http.GetAsync(new Uri(host.Endpoint, "/readyz"), Token);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, notReady.StatusCode);

        await cluster.InstallCrdAsync();
        await cluster.CreateWidgetAsync("a");

        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/a") == 1, "a reconcile once the CRD exists");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(new Uri(host.Endpoint, "/readyz"), Token)).StatusCode);
    }
}
