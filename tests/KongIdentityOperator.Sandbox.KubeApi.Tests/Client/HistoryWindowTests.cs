using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Client;

/// <summary>
/// The change history is kept for a time window (etcd compaction): watches and paged lists from before it get 410.
/// The clock is a FakeTimeProvider, so nothing here waits.
/// </summary>
public sealed class HistoryWindowTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private static Task<ApiFixture> StartAsync(FakeTimeProvider time) =>
        ApiFixture.StartAsync(new KubeApiServerOptions { TimeProvider = time, WatchHistoryWindow = Window, BookmarkInterval = TimeSpan.Zero });

    private static async Task<string> CreateAsync(ApiFixture sandbox, string name) =>
        (await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name } }, "default", cancellationToken: ApiFixture.Ct))
            .Metadata.ResourceVersion;

    [Fact]
    public async Task A_watch_from_before_the_window_gets_410_without_any_compaction_hook()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-02T03:04:05Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var sandbox = await StartAsync(time);
        var old = await CreateAsync(sandbox, "old");
        await CreateAsync(sandbox, "older-still-in-window");
        time.Advance(Window + TimeSpan.FromSeconds(1));
        await CreateAsync(sandbox, "new");

        await using var watch = WatchRecorder.ConfigMaps(sandbox, resourceVersion: old);
        var rest = await watch.EndAsync();

        Assert.Empty(rest);
        var error = Assert.IsType<KubernetesException>(Assert.Single(watch.Errors));
        Assert.Equal((410, "Expired"), (error.Status.Code, error.Status.Reason));
        Assert.StartsWith($"too old resource version: {old} (", error.Status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_watch_from_inside_the_window_replays_what_followed()
    {
        var time = new FakeTimeProvider();
        await using var sandbox = await StartAsync(time);
        var first = await CreateAsync(sandbox, "first");
        await CreateAsync(sandbox, "second");
        time.Advance(Window - TimeSpan.FromSeconds(1));

        await using var watch = WatchRecorder.ConfigMaps(sandbox, resourceVersion: first);
        var next = await watch.NextAsync();

        Assert.Equal((WatchEventType.Added, "second"), (next.Type, WatchRecorder.Name(next.Object)));
    }

    [Fact]
    public async Task Python_style_watch_query_from_an_expired_version_gets_an_in_stream_410()
    {
        var time = new FakeTimeProvider();
        await using var sandbox = await StartAsync(time);
        var old = await CreateAsync(sandbox, "a");
        await CreateAsync(sandbox, "b");
        time.Advance(Window * 2);
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };

        var (code, first) = await RawHttp.FirstLineAsync(http, $"api/v1/namespaces/default/configmaps?resourceVersion={old}&watch=True");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("ERROR", first!["type"]!.GetValue<string>());
        Assert.Equal(410, first["object"]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_exact_list_from_before_the_window_is_410()
    {
        var time = new FakeTimeProvider();
        await using var sandbox = await StartAsync(time);
        var old = await CreateAsync(sandbox, "a");
        await CreateAsync(sandbox, "b");
        time.Advance(Window * 2);

        var failure = await ApiFixture.FailureAsync(() => sandbox.Client.CoreV1.ListNamespacedConfigMapAsync(
            "default", resourceVersion: old, resourceVersionMatch: "Exact", cancellationToken: ApiFixture.Ct));

        Assert.Equal((410, "Expired", "The resourceVersion for the provided list is too old."), (failure.Code, failure.Reason, failure.Message));
    }

    [Fact]
    public async Task An_expired_continue_token_is_410_with_a_token_that_continues_from_now()
    {
        var time = new FakeTimeProvider();
        await using var sandbox = await StartAsync(time);
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            await CreateAsync(sandbox, name);
        }

        var page = await sandbox.Client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 2, cancellationToken: ApiFixture.Ct);
        await CreateAsync(sandbox, "bb");
        time.Advance(Window * 2);

        var e = await Assert.ThrowsAsync<HttpOperationException>(() => sandbox.Client.CoreV1.ListNamespacedConfigMapAsync(
            "default", limit: 2, continueParameter: page.Metadata.ContinueProperty, cancellationToken: ApiFixture.Ct));
        var status = KubernetesJson.Deserialize<V1Status>(e.Response.Content);
        var rest = await sandbox.Client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 10, continueParameter: status.Metadata.ContinueProperty, cancellationToken: ApiFixture.Ct);

        Assert.Equal((410, "Expired"), (status.Code, status.Reason));
        Assert.StartsWith("The provided continue parameter is too old to display a consistent list result.", status.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(status.Metadata.ContinueProperty));
        Assert.Equal(["bb", "c", "d"], rest.Items.Select(c => c.Metadata.Name));
        Assert.Null(rest.Metadata.ContinueProperty);
    }
}
