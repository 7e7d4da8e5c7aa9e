using KongIdentityOperator.Runtime.Client;

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

    [Fact]
    public async Task Objects_matching_any_of_several_selectors_are_cached_while_one_still_matches()
    {
        await using var cluster = await TestCluster.StartAsync();
        var host = await cluster.StartOperatorAsync(register: b => b.AddController<WidgetController, TestEntities.Widget>(o =>
        {
            o.AnyOfLabelSelectors.Add("tier=gold");
            o.AnyOfLabelSelectors.Add("team=red");
        }));

        await cluster.CreateWidgetAsync("plain");
        await cluster.CreateWidgetAsync("gold", labels: new Dictionary<string, string> { ["tier"] = "gold" });
        await cluster.CreateWidgetAsync("red", labels: new Dictionary<string, string> { ["team"] = "red" });
        await cluster.CreateWidgetAsync("both", labels: new Dictionary<string, string> { ["tier"] = "gold", ["team"] = "red" });

        await Eventually.TrueAsync(() => Names(host).SequenceEqual(["both", "gold", "red"]), "the three matching objects cached, once each");
        Assert.Equal(1, host.Recorder.Count("ReconcileAsync", "default/both"));

        // Leaving one selector while the other still matches is a change, not a deletion.
        await RelabelAsync(cluster, "both", new Dictionary<string, string> { ["team"] = "red" });
        await Eventually.TrueAsync(() => host.Widgets.Get("default", "both")?.Metadata.Labels?.ContainsKey("tier") == false, "the cached object follows the label change");
        Assert.Equal(["both", "gold", "red"], Names(host));

        // Leaving the last one is.
        await RelabelAsync(cluster, "both", new Dictionary<string, string> { ["team"] = "blue" });
        await Eventually.TrueAsync(() => Names(host).SequenceEqual(["gold", "red"]), "the object gone from the cache once no selector matches");

        var unselected = cluster.Api.RequestLog.Where(r => r.Resource == "widgets" && r.Verb is "list" or "watch" && !r.Query.Contains("labelSelector", StringComparison.Ordinal));
        Assert.Empty(unselected);
    }

    private static List<string> Names(OperatorHost host) => [.. host.Widgets.List().Select(w => w.Metadata.Name).Order(StringComparer.Ordinal)];

    private static async Task RelabelAsync(TestCluster cluster, string name, Dictionary<string, string> labels)
    {
        for (var attempt = 0; ; attempt++)
        {
            var widget = (await cluster.Client.GetAsync<TestEntities.Widget>(name, "default", TestContext.Current.CancellationToken))!;
            widget.Metadata.Labels = labels;
            try
            {
                await cluster.Client.UpdateAsync(widget, TestContext.Current.CancellationToken);
                return;
            }
            catch (k8s.Autorest.HttpOperationException e) when (e.StatusCode() == 409 && attempt < 10)
            {
            }
        }
    }
}
