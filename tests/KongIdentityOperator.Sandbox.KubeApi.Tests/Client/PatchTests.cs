using k8s;
using k8s.Models;
using KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Client;

public sealed class PatchTests
{
    [Fact]
    public async Task Merge_patch_merges_maps_deletes_nulls_and_bumps_generation()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        var gizmo = Gizmos.New("m", labels: new() { ["a"] = "1", ["b"] = "2" });
        gizmo["spec"]!["tags"] = new System.Text.Json.Nodes.JsonArray("x", "y");
        await sandbox.CreateGizmoAsync(gizmo);

        var patched = await sandbox.PatchGizmoAsync("m", """{"metadata":{"labels":{"b":null,"c":"3"}},"spec":{"size":5,"tags":["z"]}}""", V1Patch.PatchType.MergePatch);

        Assert.Equal("""{"a":"1","c":"3"}""", patched["metadata"]!["labels"]!.ToJsonString());
        Assert.Equal(5, patched["spec"]!["size"]!.GetValue<int>());
        Assert.Equal("""["z"]""", patched["spec"]!["tags"]!.ToJsonString());
        Assert.Equal(2, patched["metadata"]!["generation"]!.GetValue<long>());
    }

    [Fact]
    public async Task Merge_patch_with_stale_resource_version_is_409()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        var created = await sandbox.CreateGizmoAsync(Gizmos.New("mrv"));
        await sandbox.PatchGizmoAsync("mrv", """{"spec":{"size":4}}""", V1Patch.PatchType.MergePatch);
        var staleRv = created["metadata"]!["resourceVersion"]!.GetValue<string>();

        var status = await ApiFixture.FailureAsync(() => sandbox.PatchGizmoAsync(
            "mrv", $$$"""{"metadata":{"resourceVersion":"{{{staleRv}}}"},"spec":{"size":6}}""", V1Patch.PatchType.MergePatch));

        Assert.Equal("Conflict", status.Reason);
    }

    [Fact]
    public async Task Json_patch_applies_operations_in_order()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        await sandbox.CreateGizmoAsync(Gizmos.New("j"));

        var patched = await sandbox.PatchGizmoAsync(
            "j",
            """[{"op":"test","path":"/spec/size","value":3},{"op":"replace","path":"/spec/size","value":8},{"op":"add","path":"/metadata/labels","value":{"k":"v"}},{"op":"add","path":"/spec/tags","value":["a"]},{"op":"copy","from":"/spec/tags/0","path":"/spec/tags/-"}]""",
            V1Patch.PatchType.JsonPatch);

        Assert.Equal(8, patched["spec"]!["size"]!.GetValue<int>());
        Assert.Equal("v", patched["metadata"]!["labels"]!["k"]!.GetValue<string>());
        Assert.Equal("""["a","a"]""", patched["spec"]!["tags"]!.ToJsonString());
    }

    [Fact]
    public async Task Json_patch_failed_test_is_422_and_changes_nothing()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        var created = await sandbox.CreateGizmoAsync(Gizmos.New("jt"));

        var status = await ApiFixture.FailureAsync(() => sandbox.PatchGizmoAsync(
            "jt", """[{"op":"replace","path":"/spec/size","value":2},{"op":"test","path":"/spec/size","value":99}]""", V1Patch.PatchType.JsonPatch));

        Assert.Equal(422, status.Code);
        Assert.Equal(created["metadata"]!["resourceVersion"]!.GetValue<string>(), (await sandbox.GetGizmoAsync("jt"))["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Strategic_merge_patch_on_a_custom_resource_is_415()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        await sandbox.CreateGizmoAsync(Gizmos.New("smp"));

        var status = await ApiFixture.FailureAsync(() => sandbox.PatchGizmoAsync("smp", """{"spec":{"size":2}}""", V1Patch.PatchType.StrategicMergePatch));

        Assert.Equal(415, status.Code);
        Assert.Equal("UnsupportedMediaType", status.Reason);
        Assert.Equal(
            "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml",
            status.Message);
    }

    [Fact]
    public async Task Strategic_merge_patch_merges_containers_by_name_on_a_deployment()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        var deployment = new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "web" },
            Spec = new V1DeploymentSpec
            {
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web" } },
                    Spec = new V1PodSpec
                    {
                        Containers =
                        [
                            new V1Container { Name = "app", Image = "app:1", Env = [new V1EnvVar { Name = "A", Value = "1" }, new V1EnvVar { Name = "B", Value = "2" }] },
                            new V1Container { Name = "sidecar", Image = "side:1" },
                        ],
                    },
                },
            },
        };
        await sandbox.Client.AppsV1.CreateNamespacedDeploymentAsync(deployment, "default", cancellationToken: ApiFixture.Ct);

        var patched = await sandbox.Client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("""{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"app:2","env":[{"name":"B","value":"3"}]},{"name":"sidecar","$patch":"delete"}]}}}}""", V1Patch.PatchType.StrategicMergePatch),
            "web", "default", cancellationToken: ApiFixture.Ct);

        var container = Assert.Single(patched.Spec.Template.Spec.Containers);
        Assert.Equal("app:2", container.Image);
        Assert.Equal(["A=1", "B=3"], container.Env.Select(e => $"{e.Name}={e.Value}"));
        Assert.Equal(2, patched.Metadata.Generation);
    }

    [Fact]
    public async Task Server_side_apply_creates_then_merges_what_the_manager_still_applies()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        const string Apply = """{"apiVersion":"example.com/v1","kind":"Gizmo","metadata":{"name":"ssa","labels":{"a":"1"}},"spec":{"size":2}}""";

        var created = ApiFixture.ToNode(await sandbox.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(Apply, V1Patch.PatchType.ApplyPatch), Gizmos.Group, Gizmos.Version, "default", Gizmos.Plural, "ssa", fieldManager: "tests", cancellationToken: ApiFixture.Ct));
        var merged = ApiFixture.ToNode(await sandbox.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"apiVersion":"example.com/v1","kind":"Gizmo","metadata":{"name":"ssa"},"spec":{"size":4}}""", V1Patch.PatchType.ApplyPatch),
            Gizmos.Group, Gizmos.Version, "default", Gizmos.Plural, "ssa", fieldManager: "tests", cancellationToken: ApiFixture.Ct));

        Assert.Equal(1, created["metadata"]!["generation"]!.GetValue<long>());
        Assert.Equal(4, merged["spec"]!["size"]!.GetValue<int>());
        // The manager stopped applying the label and nobody else owns it, so it goes (real server-side apply).
        Assert.Null(merged["metadata"]!["labels"]?["a"]);
    }

    [Fact]
    public async Task Server_side_apply_requires_a_field_manager()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();

        var status = await ApiFixture.FailureAsync(() => sandbox.PatchGizmoAsync(
            "nofm", """{"apiVersion":"example.com/v1","kind":"Gizmo","metadata":{"name":"nofm"},"spec":{"size":2}}""", V1Patch.PatchType.ApplyPatch));

        Assert.Equal((422, "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch"), (status.Code, status.Message));
    }

    [Fact]
    public async Task Patch_of_a_missing_object_is_404()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();

        var status = await ApiFixture.FailureAsync(() => sandbox.PatchGizmoAsync("ghost", """{"spec":{"size":2}}""", V1Patch.PatchType.MergePatch));

        Assert.Equal(404, status.Code);
    }
}
