using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Client;

public sealed class CustomResourceTests
{
    [Fact]
    public async Task Created_CRD_is_established_and_its_kind_is_served_at_once()
    {
        await using var sandbox = await ApiFixture.StartAsync();

        var crd = await sandbox.Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(Gizmos.Crd(), cancellationToken: ApiFixture.Ct);
        var created = await sandbox.CreateGizmoAsync(Gizmos.New("first"));

        Assert.Contains(crd.Status.Conditions, c => c.Type == "Established" && c.Status == "True");
        Assert.Contains(crd.Status.Conditions, c => c.Type == "NamesAccepted" && c.Status == "True");
        Assert.Equal(["v1"], crd.Status.StoredVersions);
        Assert.Equal("Gizmo", crd.Status.AcceptedNames.Kind);
        Assert.Equal("first", created["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Kind_stops_being_served_when_its_CRD_is_deleted()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        await sandbox.CreateGizmoAsync(Gizmos.New("doomed"));

        await sandbox.Client.ApiextensionsV1.DeleteCustomResourceDefinitionAsync("gizmos.example.com", cancellationToken: ApiFixture.Ct);
        var status = await ApiFixture.FailureAsync(() => sandbox.ListGizmosAsync());

        Assert.Equal(404, status.Code);
        await sandbox.CreateGizmoCrdAsync();
        Assert.Empty(await sandbox.ListGizmosAsync());
    }

    [Fact]
    public async Task Create_sets_uid_timestamp_generation_one_and_strips_status()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        var gizmo = Gizmos.New("g");
        gizmo["status"] = new JsonObject { ["phase"] = "Ready" };

        var created = await sandbox.CreateGizmoAsync(gizmo);

        Assert.Equal(1, created["metadata"]!["generation"]!.GetValue<long>());
        Assert.Matches("^[0-9a-f-]{36}$", created["metadata"]!["uid"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", created["metadata"]!["creationTimestamp"]!.GetValue<string>());
        Assert.Null(created["status"]);
    }

    [Fact]
    public async Task Custom_resource_without_kind_is_rejected_with_400()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        var gizmo = Gizmos.New("nokind");
        gizmo.Remove("kind");

        var status = await ApiFixture.FailureAsync(() => sandbox.CreateGizmoAsync(gizmo));

        Assert.Equal(400, status.Code);
        Assert.Empty(await sandbox.ListGizmosAsync());
    }

    [Fact]
    public async Task Wrong_apiVersion_is_400_and_nothing_is_stored()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        var gizmo = Gizmos.New("wrong");
        gizmo["apiVersion"] = "other.io/v1";

        var status = await ApiFixture.FailureAsync(() => sandbox.CreateGizmoAsync(gizmo));

        Assert.Equal("BadRequest", status.Reason);
        Assert.Contains("does not match the expected API version (example.com/v1)", status.Message, StringComparison.Ordinal);
        Assert.Empty(await sandbox.ListGizmosAsync());
    }

    [Fact]
    public async Task Replace_with_stale_resource_version_is_409_Conflict()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        var created = await sandbox.CreateGizmoAsync(Gizmos.New("c"));
        var fresh = created.DeepClone().AsObject();
        fresh["spec"]!["size"] = 4;
        await sandbox.ReplaceGizmoAsync(fresh);

        created["spec"]!["size"] = 5;
        var status = await ApiFixture.FailureAsync(() => sandbox.ReplaceGizmoAsync(created));

        Assert.Equal(409, status.Code);
        Assert.Equal("Conflict", status.Reason);
        Assert.Equal(
            "Operation cannot be fulfilled on gizmos.example.com \"c\": the object has been modified; please apply your changes to the latest version and try again",
            status.Message);
        Assert.Equal(4, (await sandbox.GetGizmoAsync("c"))["spec"]!["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task Replace_without_resource_version_is_409_for_custom_resources()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        await sandbox.CreateGizmoAsync(Gizmos.New("norv"));

        var status = await ApiFixture.FailureAsync(() => sandbox.ReplaceGizmoAsync(Gizmos.New("norv", size: 6)));

        Assert.Equal(409, status.Code);
    }

    [Fact]
    public async Task Replace_of_a_missing_object_is_404()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        var gizmo = Gizmos.New("ghost");
        gizmo["metadata"]!["resourceVersion"] = "5";

        var status = await ApiFixture.FailureAsync(() => sandbox.ReplaceGizmoAsync(gizmo));

        Assert.Equal(404, status.Code);
    }

    [Fact]
    public async Task Name_in_body_must_match_the_url()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        var created = await sandbox.CreateGizmoAsync(Gizmos.New("real"));
        created["metadata"]!["name"] = "other";

        var e = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => sandbox.Client.CustomObjects.ReplaceNamespacedCustomObjectAsync(
            created, Gizmos.Group, Gizmos.Version, "default", Gizmos.Plural, "real", cancellationToken: ApiFixture.Ct));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, e.Response.StatusCode);
        Assert.Contains("does not match the name on the URL", e.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generation_changes_only_when_spec_changes()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        var created = await sandbox.CreateGizmoAsync(Gizmos.New("gen"));

        created["metadata"]!["labels"] = new JsonObject { ["touched"] = "yes" };
        var relabelled = await sandbox.ReplaceGizmoAsync(created);
        relabelled["spec"]!["size"] = 7;
        var resized = await sandbox.ReplaceGizmoAsync(relabelled);

        Assert.Equal(1, relabelled["metadata"]!["generation"]!.GetValue<long>());
        Assert.NotEqual(created["metadata"]!["resourceVersion"]!.GetValue<string>(), relabelled["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Equal(2, resized["metadata"]!["generation"]!.GetValue<long>());
    }

    [Fact]
    public async Task Unchanged_update_is_a_no_op_that_keeps_the_resource_version()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        var created = await sandbox.CreateGizmoAsync(Gizmos.New("same"));

        var again = await sandbox.ReplaceGizmoAsync(created);

        Assert.Equal(created["metadata"]!["resourceVersion"]!.GetValue<string>(), again["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Status_subresource_writes_only_status_and_keeps_generation()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        var created = await sandbox.CreateGizmoAsync(Gizmos.New("st"));
        created["status"] = new JsonObject { ["phase"] = "Ready", ["observedGeneration"] = 1 };
        created["spec"]!["size"] = 9;
        created["metadata"]!["labels"] = new JsonObject { ["ignored"] = "true" };

        var afterStatus = await sandbox.ReplaceGizmoStatusAsync(created);

        Assert.Equal("Ready", afterStatus["status"]!["phase"]!.GetValue<string>());
        Assert.Equal(3, afterStatus["spec"]!["size"]!.GetValue<int>());
        Assert.Null(afterStatus["metadata"]!["labels"]);
        Assert.Equal(1, afterStatus["metadata"]!["generation"]!.GetValue<long>());
    }

    [Fact]
    public async Task Main_endpoint_ignores_status()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        var created = await sandbox.CreateGizmoAsync(Gizmos.New("main"));
        created["status"] = new JsonObject { ["phase"] = "Hacked" };

        var updated = await sandbox.ReplaceGizmoAsync(created);

        Assert.Null(updated["status"]);
        Assert.Equal(created["metadata"]!["resourceVersion"]!.GetValue<string>(), updated["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Status_patch_is_served_and_get_on_status_returns_the_object()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        await sandbox.CreateGizmoAsync(Gizmos.New("sp"));

        await sandbox.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch("""{"status":{"phase":"Ready"}}""", V1Patch.PatchType.MergePatch),
            Gizmos.Group, Gizmos.Version, "default", Gizmos.Plural, "sp", cancellationToken: ApiFixture.Ct);
        var viaStatus = ApiFixture.ToNode(await sandbox.Client.CustomObjects.GetNamespacedCustomObjectStatusAsync(
            Gizmos.Group, Gizmos.Version, "default", Gizmos.Plural, "sp", ApiFixture.Ct));

        Assert.Equal("Ready", viaStatus["status"]!["phase"]!.GetValue<string>());
        Assert.Equal(3, viaStatus["spec"]!["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task Delete_without_finalizers_returns_a_success_Status()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        var created = await sandbox.CreateGizmoAsync(Gizmos.New("bye"));

        var response = await sandbox.DeleteGizmoAsync("bye");

        Assert.Equal("Status", response["kind"]!.GetValue<string>());
        Assert.Equal("Success", response["status"]!.GetValue<string>());
        Assert.Equal("bye", response["details"]!["name"]!.GetValue<string>());
        Assert.Equal("gizmos", response["details"]!["kind"]!.GetValue<string>());
        Assert.Equal(created["metadata"]!["uid"]!.GetValue<string>(), response["details"]!["uid"]!.GetValue<string>());
        Assert.Equal(404, (await ApiFixture.FailureAsync(() => sandbox.GetGizmoAsync("bye"))).Code);
    }

    [Fact]
    public async Task Delete_preconditions_are_checked()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        await sandbox.CreateGizmoAsync(Gizmos.New("pre"));

        var status = await ApiFixture.FailureAsync(() => sandbox.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(
            Gizmos.Group, Gizmos.Version, "default", Gizmos.Plural, "pre",
            new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = "not-the-uid" } }, cancellationToken: ApiFixture.Ct));

        Assert.Equal(409, status.Code);
        Assert.Contains("Precondition failed: UID in precondition: not-the-uid", status.Message, StringComparison.Ordinal);
        Assert.NotNull(await sandbox.GetGizmoAsync("pre"));
    }

    [Fact]
    public async Task Cluster_scoped_custom_resources_are_served_without_namespace()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        var crd = Gizmos.Crd();
        crd.Metadata.Name = "widgets.example.com";
        crd.Spec.Names = new V1CustomResourceDefinitionNames { Kind = "Widget", Plural = "widgets", Singular = "widget", ListKind = "WidgetList" };
        crd.Spec.Scope = "Cluster";
        await sandbox.Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: ApiFixture.Ct);

        await sandbox.Client.CustomObjects.CreateClusterCustomObjectAsync(
            new JsonObject { ["apiVersion"] = Gizmos.ApiVersion, ["kind"] = "Widget", ["metadata"] = new JsonObject { ["name"] = "w" }, ["spec"] = new JsonObject { ["size"] = 1 } },
            Gizmos.Group, Gizmos.Version, "widgets", cancellationToken: ApiFixture.Ct);
        var list = ApiFixture.ToNode(await sandbox.Client.CustomObjects.ListClusterCustomObjectAsync(Gizmos.Group, Gizmos.Version, "widgets", cancellationToken: ApiFixture.Ct));

        Assert.Equal("WidgetList", list["kind"]!.GetValue<string>());
        var item = Assert.Single(list["items"]!.AsArray())!;
        Assert.Null(item["metadata"]!["namespace"]);
        Assert.Equal("Widget", item["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task CRD_with_a_name_that_does_not_match_is_invalid()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        var crd = Gizmos.Crd();
        crd.Metadata.Name = "wrong.example.com";

        var status = await ApiFixture.FailureAsync(() => sandbox.Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: ApiFixture.Ct));

        Assert.Equal(422, status.Code);
        Assert.Contains("must be spec.names.plural+\".\"+spec.group", status.Message, StringComparison.Ordinal);
    }
}
