using System.Text.Json.Nodes;
using k8s.Models;
using KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Client;

public sealed class FinalizerTests
{
    private static JsonObject WithFinalizer(string name)
    {
        var gizmo = Gizmos.New(name);
        gizmo["metadata"]!["finalizers"] = new JsonArray("example.com/cleanup");
        return gizmo;
    }

    [Fact]
    public async Task Delete_with_finalizer_sets_deletionTimestamp_and_keeps_the_object()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        var created = await sandbox.CreateGizmoAsync(WithFinalizer("held"));

        var response = await sandbox.DeleteGizmoAsync("held");
        var stored = await sandbox.GetGizmoAsync("held");

        Assert.Equal("Gizmo", response["kind"]!.GetValue<string>());
        Assert.NotNull(stored["metadata"]!["deletionTimestamp"]);
        Assert.Equal(0, stored["metadata"]!["deletionGracePeriodSeconds"]!.GetValue<int>());
        Assert.Equal(2, stored["metadata"]!["generation"]!.GetValue<long>());
        Assert.NotEqual(created["metadata"]!["resourceVersion"]!.GetValue<string>(), stored["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Removing_the_last_finalizer_deletes_the_terminating_object()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        await sandbox.CreateGizmoAsync(WithFinalizer("release"));
        await sandbox.DeleteGizmoAsync("release");
        var terminating = await sandbox.GetGizmoAsync("release");

        terminating["metadata"]!["finalizers"] = new JsonArray();
        await sandbox.ReplaceGizmoAsync(terminating);

        Assert.Equal(404, (await ApiFixture.FailureAsync(() => sandbox.GetGizmoAsync("release"))).Code);
    }

    [Fact]
    public async Task Removing_the_finalizer_by_json_patch_also_deletes()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        await sandbox.CreateGizmoAsync(WithFinalizer("jp"));
        await sandbox.DeleteGizmoAsync("jp");

        await sandbox.PatchGizmoAsync("jp", """[{"op":"remove","path":"/metadata/finalizers/0"}]""", V1Patch.PatchType.JsonPatch);

        Assert.Empty(await sandbox.ListGizmosAsync());
    }

    [Fact]
    public async Task No_new_finalizer_may_be_added_while_terminating()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        await sandbox.CreateGizmoAsync(WithFinalizer("locked"));
        await sandbox.DeleteGizmoAsync("locked");
        var terminating = await sandbox.GetGizmoAsync("locked");

        terminating["metadata"]!["finalizers"]!.AsArray().Add("another");
        var status = await ApiFixture.FailureAsync(() => sandbox.ReplaceGizmoAsync(terminating));

        Assert.Equal(422, status.Code);
        Assert.Contains("no new finalizers can be added if the object is being deleted", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_delete_of_a_terminating_object_is_a_no_op()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        await sandbox.CreateGizmoAsync(WithFinalizer("twice"));
        await sandbox.DeleteGizmoAsync("twice");
        var first = await sandbox.GetGizmoAsync("twice");

        await sandbox.DeleteGizmoAsync("twice");
        var second = await sandbox.GetGizmoAsync("twice");

        Assert.Equal(first["metadata"]!["resourceVersion"]!.GetValue<string>(), second["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Equal(first["metadata"]!["deletionTimestamp"]!.GetValue<string>(), second["metadata"]!["deletionTimestamp"]!.GetValue<string>());
    }

    [Fact]
    public async Task Status_writes_cannot_remove_finalizers()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        var created = await sandbox.CreateGizmoAsync(WithFinalizer("viastatus"));
        created["metadata"]!["finalizers"] = new JsonArray();
        created["status"] = new JsonObject { ["phase"] = "Done" };

        var updated = await sandbox.ReplaceGizmoStatusAsync(created);

        Assert.Single(updated["metadata"]!["finalizers"]!.AsArray());
    }
}
