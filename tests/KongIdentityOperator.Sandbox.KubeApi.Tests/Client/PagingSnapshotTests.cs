using System.Net;
using k8s;
using k8s.Models;
using KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Client;

/// <summary>limit/continue paging serves one consistent snapshot: the first page's resourceVersion.</summary>
public sealed class PagingSnapshotTests
{
    private static Task<V1ConfigMap> CreateAsync(ApiFixture sandbox, string name, string value = "1") =>
        sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name }, Data = new Dictionary<string, string> { ["v"] = value } },
            "default",
            cancellationToken: ApiFixture.Ct);

    [Fact]
    public async Task Later_pages_ignore_creates_changes_and_deletes_made_after_the_first_page()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            await CreateAsync(sandbox, name);
        }

        var first = await sandbox.Client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 2, cancellationToken: ApiFixture.Ct);
        await sandbox.Client.CoreV1.DeleteNamespacedConfigMapAsync("c", "default", cancellationToken: ApiFixture.Ct);
        await CreateAsync(sandbox, "bb");
        await sandbox.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"data":{"v":"changed"}}""", V1Patch.PatchType.MergePatch), "d", "default", cancellationToken: ApiFixture.Ct);
        var second = await sandbox.Client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 2, continueParameter: first.Metadata.ContinueProperty, cancellationToken: ApiFixture.Ct);
        var third = await sandbox.Client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 2, continueParameter: second.Metadata.ContinueProperty, cancellationToken: ApiFixture.Ct);
        var now = await sandbox.Client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: ApiFixture.Ct);

        Assert.Equal(["a", "b"], first.Items.Select(c => c.Metadata.Name));
        Assert.Equal(3, first.Metadata.RemainingItemCount);
        Assert.Equal(["c", "d"], second.Items.Select(c => c.Metadata.Name));
        Assert.Equal("1", second.Items[1].Data["v"]);
        Assert.Equal(["e"], third.Items.Select(c => c.Metadata.Name));
        Assert.Null(third.Metadata.ContinueProperty);
        Assert.Equal(first.Metadata.ResourceVersion, second.Metadata.ResourceVersion);
        Assert.Equal(first.Metadata.ResourceVersion, third.Metadata.ResourceVersion);
        Assert.Equal(["a", "b", "bb", "d", "e"], now.Items.Select(c => c.Metadata.Name));
        Assert.NotEqual(first.Metadata.ResourceVersion, now.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task An_exact_resource_version_list_reads_that_version()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        var a = await CreateAsync(sandbox, "a");
        await CreateAsync(sandbox, "b");

        var then = await sandbox.Client.CoreV1.ListNamespacedConfigMapAsync(
            "default", resourceVersion: a.Metadata.ResourceVersion, resourceVersionMatch: "Exact", cancellationToken: ApiFixture.Ct);

        Assert.Equal(["a"], then.Items.Select(c => c.Metadata.Name));
        Assert.Equal(a.Metadata.ResourceVersion, then.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task A_garbled_continue_token_is_400()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };

        var (code, body) = await RawHttp.SendAsync(http, HttpMethod.Get, "api/v1/namespaces/default/configmaps?limit=1&continue=not-a-token");

        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.StartsWith("continue key is not valid", body!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
