using k8s;
using k8s.Autorest;
using k8s.Models;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Tests.TestEntities;

namespace KongIdentityOperator.Runtime.Tests.Integration;

public sealed class KubernetesClientTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Custom_objects_round_trip_through_every_operation()
    {
        await using var cluster = await TestCluster.StartAsync();
        var client = cluster.Client;

        Assert.Null(await client.GetAsync<Widget>("a", "default", Token));
        var created = await client.CreateAsync(Widget.Create("default", "a", "one"), Token);
        Assert.Equal(1, created.Metadata.Generation);

        created.Spec.Value = "two";
        var updated = await client.UpdateAsync(created, Token);
        Assert.Equal(("two", 2L), (updated.Spec.Value, updated.Metadata.Generation!.Value));

        updated.Status.Message = "hello";
        var withStatus = await client.UpdateStatusAsync(updated, Token);
        Assert.Equal(("hello", 2L), (withStatus.Status.Message, withStatus.Metadata.Generation!.Value));

        var patched = await client.PatchAsync<Widget>(
            new V1Patch("""{"metadata":{"labels":{"team":"x"}}}""", V1Patch.PatchType.MergePatch), "a", "default", Token);
        Assert.Equal("x", patched.Metadata.Labels["team"]);
        var statusPatched = await client.PatchStatusAsync<Widget>(
            new V1Patch("""{"status":{"message":"patched"}}""", V1Patch.PatchType.MergePatch), "a", "default", Token);
        Assert.Equal("patched", statusPatched.Status.Message);

        await client.CreateAsync(Widget.Create("default", "b"), Token);
        Assert.Equal(["a"], (await client.ListAsync<Widget>("default", "team=x", Token)).Select(w => w.Metadata.Name));
        var all = await client.ListWithResourceVersionAsync<Widget>(cancellationToken: Token);
        Assert.Equal(2, all.Items.Count);
        Assert.False(string.IsNullOrEmpty(all.ResourceVersion));
        Assert.All(all.Items, w => Assert.Equal(("Widget", "runtime.test.example.com/v1"), (w.Kind, w.ApiVersion)));

        await client.DeleteAsync<Widget>("a", "default", Token);
        await client.DeleteAsync<Widget>("a", "default", Token);
        Assert.Null(await client.GetAsync<Widget>("a", "default", Token));
    }

    [Fact]
    public async Task Built_in_kinds_are_reached_through_the_core_and_named_groups()
    {
        await using var cluster = await TestCluster.StartAsync();
        var client = cluster.Client;

        var secret = await client.CreateAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "s", NamespaceProperty = "default" }, Data = new Dictionary<string, byte[]> { ["k"] = [1, 2] } },
            Token);
        Assert.Equal(("Secret", "v1"), (secret.Kind, secret.ApiVersion));
        Assert.Equal([1, 2], (await client.GetAsync<V1Secret>("s", "default", Token))!.Data["k"]);

        var lease = await client.CreateAsync(
            new V1Lease { Metadata = new V1ObjectMeta { Name = "l", NamespaceProperty = "default" }, Spec = new V1LeaseSpec { HolderIdentity = "me" } },
            Token);
        Assert.Equal("coordination.k8s.io/v1", lease.ApiVersion);

        var namespaces = await client.ListAsync<V1Namespace>(cancellationToken: Token);
        Assert.Contains(namespaces, n => n.Metadata.Name == "kube-system");
    }

    [Fact]
    public async Task A_stale_update_is_a_conflict_and_a_duplicate_create_is_already_exists()
    {
        await using var cluster = await TestCluster.StartAsync();
        var client = cluster.Client;
        var created = await client.CreateAsync(Widget.Create("default", "a", "one"), Token);
        var changed = EntityCopy.Clone(created);
        changed.Spec.Value = "two";
        await client.UpdateAsync(changed, Token);

        var stale = await Assert.ThrowsAsync<HttpOperationException>(() => client.UpdateAsync(created, Token));
        var duplicate = await Assert.ThrowsAsync<HttpOperationException>(() => client.CreateAsync(Widget.Create("default", "a"), Token));

        Assert.True(stale.IsConflict());
        Assert.False(stale.IsAlreadyExists());
        Assert.True(duplicate.IsAlreadyExists());
        Assert.False(duplicate.IsConflict());
    }

    [Fact]
    public async Task Watch_replays_from_a_version_and_surfaces_an_expired_version_as_an_error()
    {
        await using var cluster = await TestCluster.StartAsync();
        var client = cluster.Client;
        var start = (await client.ListWithResourceVersionAsync<Widget>("default", cancellationToken: Token)).ResourceVersion;
        await client.CreateAsync(Widget.Create("default", "a"), Token);
        await client.DeleteAsync<Widget>("a", "default", Token);

        var seen = new List<(WatchEventType, string)>();
        using (var cts = CancellationTokenSource.CreateLinkedTokenSource(Token))
        {
            await foreach (var (type, widget) in client.WatchAsync<Widget>("default", start, allowWatchBookmarks: false, cancellationToken: cts.Token))
            {
                seen.Add((type, widget.Metadata.Name));
                if (seen.Count == 2)
                {
                    break;
                }
            }
        }

        Assert.Equal([(WatchEventType.Added, "a"), (WatchEventType.Deleted, "a")], seen);

        await cluster.CreateNamespaceAsync("moves-the-version");
        cluster.Api.Hooks.CompactHistory();
        var expired = await Assert.ThrowsAsync<KubernetesException>(async () =>
        {
            await foreach (var _ in client.WatchAsync<Widget>("default", start, cancellationToken: Token))
            {
            }
        });
        Assert.True(expired.IsGone());
    }

    [Fact]
    public async Task A_client_built_from_the_configuration_alone_reads_and_writes_built_in_kinds()
    {
        await using var cluster = await TestCluster.StartAsync(installCrd: false);
        var configuration = new KubernetesClientConfiguration { Host = cluster.Api.BaseAddress.ToString(), UserAgent = "connection-test/1" };
        var client = new KubernetesEntityClient(configuration);
        var eventTime = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

        await client.CreateAsync(new V1Secret { ApiVersion = "v1", Kind = "Secret", Metadata = new V1ObjectMeta { Name = "s", NamespaceProperty = "default" }, Data = new Dictionary<string, byte[]> { ["k"] = [1, 2, 3] } }, Token);
        await client.CreateAsync(new Eventsv1Event
        {
            ApiVersion = "events.k8s.io/v1",
            Kind = "Event",
            Metadata = new V1ObjectMeta { Name = "e", NamespaceProperty = "default" },
            EventTime = eventTime,
            Type = "Normal",
            Reason = "Tested",
            Action = "Test",
            ReportingController = "test",
            ReportingInstance = "test-1",
        }, Token);

        Assert.Equal(new byte[] { 1, 2, 3 }, (await client.GetAsync<V1Secret>("s", "default", Token))!.Data["k"]);
        Assert.Equal(eventTime, (await client.GetAsync<Eventsv1Event>("e", "default", Token))!.EventTime);
        Assert.All(cluster.Api.RequestLog, entry => Assert.Equal("connection-test/1", entry.UserAgent));
    }
}
