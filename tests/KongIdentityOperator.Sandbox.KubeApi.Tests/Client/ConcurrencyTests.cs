using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Client;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Concurrent_replaces_from_one_read_have_exactly_one_winner()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        var read = await sandbox.CreateGizmoAsync(Gizmos.New("race"));

        var attempts = Enumerable.Range(1, 10).Select(async size =>
        {
            var mine = read.DeepClone().AsObject();
            mine["spec"]!["size"] = size;
            try
            {
                await sandbox.ReplaceGizmoAsync(mine);
                return 200;
            }
            catch (HttpOperationException e)
            {
                return (int)e.Response.StatusCode;
            }
        });
        var codes = await Task.WhenAll(attempts);

        Assert.Equal(1, codes.Count(c => c == 200));
        Assert.Equal(9, codes.Count(c => c == 409));
        Assert.Equal(2, (await sandbox.GetGizmoAsync("race"))["metadata"]!["generation"]!.GetValue<long>());
    }

    [Fact]
    public async Task Concurrent_creates_all_get_distinct_increasing_resource_versions()
    {
        await using var sandbox = await ApiFixture.StartAsync();

        var created = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => sandbox.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"c{i}" } }, "default", cancellationToken: ApiFixture.Ct)));

        Assert.Equal(20, created.Select(c => c.Metadata.ResourceVersion).Distinct().Count());
    }

    [Fact]
    public async Task Versions_of_one_CRD_share_storage_and_rewrite_apiVersion()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        var crd = Gizmos.Crd();
        var beta = KubernetesJson.Deserialize<V1CustomResourceDefinitionVersion>(KubernetesJson.Serialize(crd.Spec.Versions[0]));
        beta.Name = "v1beta1";
        beta.Storage = false;
        crd.Spec.Versions.Add(beta);
        await sandbox.Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: ApiFixture.Ct);
        await sandbox.CreateGizmoAsync(Gizmos.New("both"));

        var viaBeta = ApiFixture.ToNode(await sandbox.Client.CustomObjects.GetNamespacedCustomObjectAsync(Gizmos.Group, "v1beta1", "default", Gizmos.Plural, "both", ApiFixture.Ct));
        var list = ApiFixture.ToNode(await sandbox.Client.CustomObjects.ListNamespacedCustomObjectAsync(Gizmos.Group, "v1beta1", "default", Gizmos.Plural, cancellationToken: ApiFixture.Ct));

        Assert.Equal("example.com/v1beta1", viaBeta["apiVersion"]!.GetValue<string>());
        Assert.Equal("example.com/v1beta1", list["items"]![0]!["apiVersion"]!.GetValue<string>());
        Assert.Equal(3, viaBeta["spec"]!["size"]!.GetValue<int>());
        Assert.IsType<JsonObject>(viaBeta["metadata"]);
    }
}
