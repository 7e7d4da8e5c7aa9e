using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Client;

/// <summary>Server-side apply with field managers: managedFields, conflicts, force, removal of dropped fields.</summary>
public sealed class ServerSideApplyTests
{
    private static string ConfigMap(params (string Key, string Value)[] data) =>
        new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = "cm" },
            ["data"] = new JsonObject([.. data.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value))]),
        }.ToJsonString();

    private static Task<V1ConfigMap> ApplyAsync(ApiFixture sandbox, string manager, string body, bool? force = null) =>
        sandbox.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch(body, V1Patch.PatchType.ApplyPatch), "cm", "default", fieldManager: manager, force: force, cancellationToken: ApiFixture.Ct);

    private static JsonObject Fields(V1ConfigMap map, string manager, string operation = "Apply") =>
        ApiFixture.ToNode(map.Metadata.ManagedFields.Single(e => e.Manager == manager && e.Operation == operation).FieldsV1);

    [Fact]
    public async Task Apply_records_a_managedFields_entry_for_its_manager()
    {
        await using var sandbox = await ApiFixture.StartAsync();

        var applied = await ApplyAsync(sandbox, "alice", ConfigMap(("a", "1"), ("b", "2")));

        var entry = Assert.Single(applied.Metadata.ManagedFields);
        Assert.Equal(("alice", "Apply", "v1", "FieldsV1"), (entry.Manager, entry.Operation, entry.ApiVersion, entry.FieldsType));
        Assert.NotNull(entry.Time);
        Assert.Null(entry.Subresource);
        Assert.Equal("""{"f:data":{"f:a":{},"f:b":{}}}""", Fields(applied, "alice").ToJsonString());
    }

    [Fact]
    public async Task Applying_a_field_another_manager_owns_with_a_different_value_is_a_409_naming_them()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        await ApplyAsync(sandbox, "alice", ConfigMap(("a", "1"), ("b", "2")));

        var conflict = await ApiFixture.FailureAsync(() => ApplyAsync(sandbox, "bob", ConfigMap(("a", "other"))));
        var shared = await ApplyAsync(sandbox, "bob", ConfigMap(("b", "2")));

        Assert.Equal((409, "Conflict"), (conflict.Code, conflict.Reason));
        Assert.Equal("Apply failed with 1 conflict: conflict with \"alice\": .data.a", conflict.Message);
        var cause = Assert.Single(conflict.Details.Causes);
        Assert.Equal(("FieldManagerConflict", "conflict with \"alice\"", ".data.a"), (cause.Reason, cause.Message, cause.Field));
        Assert.Equal("1", shared.Data["a"]);
        Assert.Equal("""{"f:data":{"f:b":{}}}""", Fields(shared, "bob").ToJsonString());
        Assert.Equal("""{"f:data":{"f:a":{},"f:b":{}}}""", Fields(shared, "alice").ToJsonString());
    }

    [Fact]
    public async Task Force_takes_ownership_from_the_other_manager()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        await ApplyAsync(sandbox, "alice", ConfigMap(("a", "1"), ("b", "2")));

        var forced = await ApplyAsync(sandbox, "bob", ConfigMap(("a", "other")), force: true);

        Assert.Equal("other", forced.Data["a"]);
        Assert.Equal("""{"f:data":{"f:a":{}}}""", Fields(forced, "bob").ToJsonString());
        Assert.Equal("""{"f:data":{"f:b":{}}}""", Fields(forced, "alice").ToJsonString());
    }

    [Fact]
    public async Task A_field_the_manager_stops_applying_is_removed_unless_someone_else_owns_it()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        await ApplyAsync(sandbox, "alice", ConfigMap(("a", "1"), ("b", "2"), ("c", "3")));
        await ApplyAsync(sandbox, "bob", ConfigMap(("c", "3")));

        var after = await ApplyAsync(sandbox, "alice", ConfigMap(("a", "1")));

        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["c"] = "3" }, after.Data);
    }

    [Fact]
    public async Task A_dropped_custom_resource_field_is_removed_and_defaulted_again()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        const string Manual = """{"apiVersion":"example.com/v1","kind":"Gizmo","metadata":{"name":"g"},"spec":{"size":3,"mode":"manual","tags":["x"]}}""";
        const string Plain = """{"apiVersion":"example.com/v1","kind":"Gizmo","metadata":{"name":"g"},"spec":{"size":3}}""";

        var manual = await sandbox.PatchGizmoAsync("g", Manual, V1Patch.PatchType.ApplyPatch, fieldManager: "alice");
        var plain = await sandbox.PatchGizmoAsync("g", Plain, V1Patch.PatchType.ApplyPatch, fieldManager: "alice");

        Assert.Equal("manual", manual["spec"]!["mode"]!.GetValue<string>());
        Assert.Equal("auto", plain["spec"]!["mode"]!.GetValue<string>());
        Assert.Null(plain["spec"]!["tags"]);
        var entry = plain["metadata"]!["managedFields"]!.AsArray().Single()!;
        Assert.Equal("""{"f:spec":{"f:size":{}}}""", entry["fieldsV1"]!.ToJsonString());
        Assert.Equal("example.com/v1", entry["apiVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Updates_record_their_fieldManager_and_conflict_with_later_applies()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        await ApplyAsync(sandbox, "alice", ConfigMap(("a", "1")));

        var updated = await sandbox.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"data":{"a":"2","z":"9"}}""", V1Patch.PatchType.MergePatch), "cm", "default", fieldManager: "carol", cancellationToken: ApiFixture.Ct);
        var conflict = await ApiFixture.FailureAsync(() => ApplyAsync(sandbox, "alice", ConfigMap(("a", "1"))));

        Assert.Equal("""{"f:data":{"f:a":{},"f:z":{}}}""", Fields(updated, "carol", "Update").ToJsonString());
        Assert.DoesNotContain(updated.Metadata.ManagedFields, e => e.Manager == "alice");
        Assert.Equal("Apply failed with 1 conflict: conflict with \"carol\" using v1: .data.a", conflict.Message);
    }

    [Fact]
    public async Task Writes_without_fieldManager_are_recorded_under_the_user_agent_product()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };

        var (code, created) = await RawHttp.SendAsync(
            http, HttpMethod.Post, "api/v1/namespaces/default/configmaps", """{"metadata":{"name":"ua"},"data":{"k":"v"}}""", userAgent: "OpenAPI-Generator/31.0.0/python");

        Assert.Equal(HttpStatusCode.Created, code);
        var entry = created!["metadata"]!["managedFields"]!.AsArray().Single()!;
        Assert.Equal(("OpenAPI-Generator", "Update"), (entry["manager"]!.GetValue<string>(), entry["operation"]!.GetValue<string>()));
        Assert.Equal("""{"f:data":{"f:k":{}}}""", entry["fieldsV1"]!.ToJsonString());
    }

    [Fact]
    public async Task A_status_apply_is_recorded_against_the_status_subresource()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        await sandbox.CreateGizmoAsync(Gizmos.New("s"));

        var result = ApiFixture.ToNode(await sandbox.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch("""{"apiVersion":"example.com/v1","kind":"Gizmo","metadata":{"name":"s"},"status":{"phase":"Ready"}}""", V1Patch.PatchType.ApplyPatch),
            Gizmos.Group, Gizmos.Version, "default", Gizmos.Plural, "s", fieldManager: "ctrl", cancellationToken: ApiFixture.Ct));

        var entry = result["metadata"]!["managedFields"]!.AsArray().Single(e => e!["manager"]!.GetValue<string>() == "ctrl")!;
        Assert.Equal("status", entry["subresource"]!.GetValue<string>());
        Assert.Equal("""{"f:status":{"f:phase":{}}}""", entry["fieldsV1"]!.ToJsonString());
        Assert.Equal("Ready", result["status"]!["phase"]!.GetValue<string>());
    }
}
