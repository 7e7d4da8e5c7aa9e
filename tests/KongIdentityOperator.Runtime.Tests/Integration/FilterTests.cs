namespace KongIdentityOperator.Runtime.Tests.Integration;

public sealed class FilterTests
{
    [Fact]
    public async Task Only_watched_namespaces_are_reconciled()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateNamespaceAsync("team-a");
        await cluster.CreateNamespaceAsync("team-b");
        await cluster.CreateNamespaceAsync("team-c");
        var host = await cluster.StartOperatorAsync(s =>
        {
            s.Namespaces.Add("team-a");
            s.Namespaces.Add("team-b");
        });

        await cluster.CreateWidgetAsync("x", ns: "team-c");
        await cluster.CreateWidgetAsync("x", ns: "team-a");
        await cluster.CreateWidgetAsync("x", ns: "team-b");

        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "team-a/x") == 1, "team-a's object");
        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "team-b/x") == 1, "team-b's object");
        Assert.Equal(0, host.Recorder.Count("ReconcileAsync", "team-c/x"));
        Assert.DoesNotContain(cluster.Api.RequestLog, r => r.Resource == "widgets" && r.Verb is "list" or "watch" && r.Namespace is not ("team-a" or "team-b"));
    }

    [Fact]
    public async Task Only_objects_matching_the_label_selector_are_reconciled()
    {
        await using var cluster = await TestCluster.StartAsync();
        var host = await cluster.StartOperatorAsync(register: b => b.AddController<WidgetController, TestEntities.Widget>(o => o.LabelSelector = "tier=gold"));

        await cluster.CreateWidgetAsync("plain");
        await cluster.CreateWidgetAsync("silver", labels: new Dictionary<string, string> { ["tier"] = "silver" });
        await cluster.CreateWidgetAsync("gold", labels: new Dictionary<string, string> { ["tier"] = "gold" });

        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/gold") == 1, "the matching object");
        Assert.Single(host.Recorder.Calls);
        Assert.Equal(["gold"], host.Widgets.List().Select(w => w.Metadata.Name));
    }
}
