using System.Net.Http.Json;
using System.Text.Json;
using k8s;
using k8s.Models;
using KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Client;

public sealed class HookTests
{
    private static V1ConfigMap Map(string name) => new() { Metadata = new V1ObjectMeta { Name = name } };

    [Fact]
    public async Task FailNextWrites_answers_the_next_writes_with_the_status_then_recovers()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        sandbox.Server.Hooks.FailNextWrites(2);

        var first = await ApiFixture.FailureAsync(() => sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(Map("a"), "default", cancellationToken: ApiFixture.Ct));
        var second = await ApiFixture.FailureAsync(() => sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(Map("a"), "default", cancellationToken: ApiFixture.Ct));
        var reads = await sandbox.Client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: ApiFixture.Ct);
        await sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(Map("a"), "default", cancellationToken: ApiFixture.Ct);

        Assert.Equal((409, "Conflict"), (first.Code, first.Reason));
        Assert.Equal(409, second.Code);
        Assert.Empty(reads.Items);
    }

    [Fact]
    public async Task FailNextWrites_with_429_sends_Retry_After()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        sandbox.Server.Hooks.FailNextWrites(1, 429);
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };

        using var response = await http.PostAsJsonAsync("api/v1/namespaces/default/configmaps", new { metadata = new { name = "x" } }, ApiFixture.Ct);

        Assert.Equal(429, (int)response.StatusCode);
        Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task Latency_delays_requests_on_the_server_clock()
    {
        var clock = new FakeTimeProvider();
        await using var sandbox = await ApiFixture.StartAsync(new KubeApiServerOptions { TimeProvider = clock });
        sandbox.Server.Hooks.SetLatency(TimeSpan.FromSeconds(2));

        var pending = sandbox.Client.CoreV1.ListNamespaceAsync(cancellationToken: ApiFixture.Ct);
        await Eventually.TrueAsync(() => Task.FromResult(clock.GetUtcNow() > DateTimeOffset.MinValue && sandbox.Server.RequestLog.Count == 0), "the request is in flight");
        Assert.False(pending.IsCompleted);
        while (!pending.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(pending, Task.Delay(20, ApiFixture.Ct));
        }

        Assert.Equal(3, (await pending).Items.Count);
    }

    [Fact]
    public async Task Hooks_are_served_over_http_too()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };

        (await http.PostAsJsonAsync("_sandbox/fail-writes", new { count = 1, status = 500 }, ApiFixture.Ct)).EnsureSuccessStatusCode();
        var failed = await ApiFixture.FailureAsync(() => sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(Map("h"), "default", cancellationToken: ApiFixture.Ct));
        (await http.PostAsync("_sandbox/compact", null, ApiFixture.Ct)).EnsureSuccessStatusCode();
        (await http.PostAsync("_sandbox/drop-watches", null, ApiFixture.Ct)).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync("_sandbox/latency", new { ms = 0 }, ApiFixture.Ct)).EnsureSuccessStatusCode();
        var log = await http.GetFromJsonAsync<JsonElement>("_sandbox/requests", ApiFixture.Ct);

        Assert.Equal(500, failed.Code);
        var entry = Assert.Single(log.EnumerateArray());
        Assert.Equal("create", entry.GetProperty("verb").GetString());
        Assert.Equal("configmaps", entry.GetProperty("resource").GetString());
        Assert.Equal(500, entry.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task Request_log_classifies_requests_like_the_audit_log()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        sandbox.Server.ClearRequestLog();
        await sandbox.CreateGizmoAsync(Gizmos.New("r"));
        var got = await sandbox.GetGizmoAsync("r");
        await sandbox.ReplaceGizmoStatusAsync(got);
        await sandbox.PatchGizmoAsync("r", "{}", V1Patch.PatchType.MergePatch);
        await sandbox.ListGizmosAsync();
        await sandbox.DeleteGizmoAsync("r");
        await sandbox.Client.CustomObjects.DeleteCollectionNamespacedCustomObjectAsync(Gizmos.Group, Gizmos.Version, "default", Gizmos.Plural, cancellationToken: ApiFixture.Ct);

        var log = sandbox.Server.RequestLog;

        Assert.Equal(["create", "get", "update", "patch", "list", "delete", "deletecollection"], log.Select(e => e.Verb));
        Assert.All(log, e => Assert.Equal(("example.com", "v1", "gizmos", "default"), (e.Group, e.Version, e.Resource, e.Namespace)));
        Assert.Equal("status", log[2].Subresource);
        Assert.Equal("r", log[1].Name);
        Assert.Equal([201, 200, 200, 200, 200, 200, 200], log.Select(e => e.StatusCode));
        Assert.Contains("merge-patch", log[3].ContentType, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(log[0].UserAgent));
    }

    [Fact]
    public async Task Kubeconfig_points_at_the_server_with_context_sandbox()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        var path = Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}");
        try
        {
            sandbox.Server.WriteKubeconfig(path, "kube-system");
            var config = k8s.KubernetesClientConfiguration.BuildConfigFromConfigFile(path);
            using var client = new k8s.Kubernetes(config);

            var namespaces = await client.CoreV1.ListNamespaceAsync(cancellationToken: ApiFixture.Ct);

            Assert.Equal("sandbox", config.CurrentContext);
            Assert.Equal("kube-system", config.Namespace);
            Assert.Equal(3, namespaces.Items.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
