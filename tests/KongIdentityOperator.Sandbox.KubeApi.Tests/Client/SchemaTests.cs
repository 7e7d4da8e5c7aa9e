using System.Net.Http.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Client;

public sealed class SchemaTests
{
    private static JsonObject WithSpec(string name, JsonObject spec)
    {
        var gizmo = Gizmos.New(name);
        gizmo["spec"] = spec;
        return gizmo;
    }

    [Fact]
    public async Task Maximum_violation_is_422_with_the_real_servers_message()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();

        var status = await ApiFixture.FailureAsync(() => sandbox.CreateGizmoAsync(Gizmos.New("bad", size: 99)));

        Assert.Equal(422, status.Code);
        Assert.Equal("Invalid", status.Reason);
        Assert.Equal("Gizmo.example.com \"bad\" is invalid: spec.size: Invalid value: 99: spec.size in body should be less than or equal to 10", status.Message);
        Assert.Equal(("Gizmo", "example.com", "bad"), (status.Details.Kind, status.Details.Group, status.Details.Name));
        var cause = Assert.Single(status.Details.Causes);
        Assert.Equal(("FieldValueInvalid", "spec.size"), (cause.Reason, cause.Field));
        Assert.Empty(await sandbox.ListGizmosAsync());
    }

    [Theory]
    [InlineData("""{"size":0}""", "spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1")]
    [InlineData("""{}""", "spec.size: Required value")]
    [InlineData("""{"size":"big"}""", "spec.size: Invalid value: \"string\": spec.size in body must be of type integer: \"string\"")]
    [InlineData("""{"size":2,"color":"pink"}""", "spec.color: Unsupported value: \"pink\": supported values: \"red\", \"green\", \"blue\"")]
    [InlineData("""{"size":2,"name":"ABC"}""", "spec.name: Invalid value: \"ABC\": spec.name in body should match '^[a-z]+$'")]
    [InlineData("""{"size":2,"name":"abcdefghij"}""", "spec.name: Too long: may not be more than 8 bytes")]
    [InlineData("""{"size":2,"tags":["a","b","c","d"]}""", "spec.tags: Too many: 4: must have at most 3 items")]
    [InlineData("""{"size":2,"tags":[1]}""", "spec.tags[0]: Invalid value: \"integer\": spec.tags[0] in body must be of type string: \"integer\"")]
    public async Task Schema_violations_name_the_field(string spec, string expected)
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();

        var status = await ApiFixture.FailureAsync(() => sandbox.CreateGizmoAsync(WithSpec("v", JsonNode.Parse(spec)!.AsObject())));

        Assert.Equal(422, status.Code);
        Assert.Contains(expected, status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_violations_are_all_reported()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();

        var status = await ApiFixture.FailureAsync(() => sandbox.CreateGizmoAsync(WithSpec("many", new JsonObject { ["size"] = 50, ["color"] = "pink" })));

        Assert.Equal(["spec.color", "spec.size"], status.Details.Causes.Select(c => c.Field).Order());
    }

    [Fact]
    public async Task Defaults_are_applied_and_nested_defaults_only_under_an_existing_parent()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();

        var plain = await sandbox.CreateGizmoAsync(Gizmos.New("plain"));
        var withSettings = await sandbox.CreateGizmoAsync(WithSpec("nested", new JsonObject { ["size"] = 2, ["settings"] = new JsonObject() }));

        Assert.Equal("auto", plain["spec"]!["mode"]!.GetValue<string>());
        Assert.Null(plain["spec"]!["settings"]);
        Assert.Equal(3, withSettings["spec"]!["settings"]!["retries"]!.GetValue<int>());
    }

    [Fact]
    public async Task Unknown_fields_are_pruned_with_a_warning_but_preserved_where_the_schema_says_so()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };
        var gizmo = WithSpec("prune", new JsonObject { ["size"] = 2, ["bogus"] = true, ["extra"] = new JsonObject { ["anything"] = new JsonObject { ["x"] = 1 } } });
        gizmo["topLevel"] = "dropped";

        using var response = await http.PostAsJsonAsync("apis/example.com/v1/namespaces/default/gizmos", gizmo, ApiFixture.Ct);
        var stored = await sandbox.GetGizmoAsync("prune");

        response.EnsureSuccessStatusCode();
        Assert.Null(stored["spec"]!["bogus"]);
        Assert.Null(stored["topLevel"]);
        Assert.Equal(1, stored["spec"]!["extra"]!["anything"]!["x"]!.GetValue<int>());
        var warnings = response.Headers.GetValues("Warning").ToList();
        Assert.Contains(warnings, w => w.Contains("unknown field \\\"spec.bogus\\\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Strict_field_validation_rejects_unknown_fields_with_400()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();

        var status = await ApiFixture.FailureAsync(() => sandbox.Client.CustomObjects.CreateNamespacedCustomObjectAsync(
            WithSpec("strict", new JsonObject { ["size"] = 2, ["bogus"] = 1 }), Gizmos.Group, Gizmos.Version, "default", Gizmos.Plural,
            fieldValidation: "Strict", cancellationToken: ApiFixture.Ct));

        Assert.Equal(400, status.Code);
        Assert.Contains("strict decoding error: unknown field \"spec.bogus\"", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Updates_and_patches_are_validated_too()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        await sandbox.CreateGizmoAsync(Gizmos.New("upd"));

        var status = await ApiFixture.FailureAsync(() => sandbox.PatchGizmoAsync("upd", """{"spec":{"size":11}}""", V1Patch.PatchType.MergePatch));

        Assert.Equal(422, status.Code);
        Assert.Equal(3, (await sandbox.GetGizmoAsync("upd"))["spec"]!["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task CEL_rule_rejects_with_its_message()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();

        var status = await ApiFixture.FailureAsync(() => sandbox.CreateGizmoAsync(Gizmos.New("red", size: 8, color: "red")));

        Assert.Equal(422, status.Code);
        Assert.Contains("spec: Invalid value: \"object\": red gizmos must be small", status.Message, StringComparison.Ordinal);
        await sandbox.CreateGizmoAsync(Gizmos.New("smallred", size: 4, color: "red"));
    }

    [Fact]
    public async Task CEL_transition_rule_runs_only_on_update()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        await sandbox.CreateGizmoAsync(Gizmos.New("hue", color: "blue"));

        var status = await ApiFixture.FailureAsync(() => sandbox.PatchGizmoAsync("hue", """{"spec":{"color":"green"}}""", V1Patch.PatchType.MergePatch));
        var resized = await sandbox.PatchGizmoAsync("hue", """{"spec":{"size":4}}""", V1Patch.PatchType.MergePatch);

        Assert.Contains("color is immutable", status.Message, StringComparison.Ordinal);
        Assert.Equal(4, resized["spec"]!["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_CEL_rule_the_sandbox_cannot_compile_is_skipped_not_fatal()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        var crd = Gizmos.Crd();
        crd.Spec.Versions[0].Schema.OpenAPIV3Schema.Properties["spec"].XKubernetesValidations =
        [
            new V1ValidationRule { Rule = "self.size >>> 2 ((", Message = "garbage" },
            new V1ValidationRule { Rule = "self.size != 7", Message = "seven is unlucky" },
        ];
        await sandbox.Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: ApiFixture.Ct);

        await sandbox.CreateGizmoAsync(Gizmos.New("ok", size: 3));
        var status = await ApiFixture.FailureAsync(() => sandbox.CreateGizmoAsync(Gizmos.New("seven", size: 7)));

        Assert.Contains("seven is unlucky", status.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("garbage", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_is_validated_on_status_writes()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        var created = await sandbox.CreateGizmoAsync(Gizmos.New("sv"));
        created["status"] = new JsonObject { ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready" }) };

        var status = await ApiFixture.FailureAsync(() => sandbox.ReplaceGizmoStatusAsync(created));

        Assert.Contains("status.conditions[0].status: Required value", status.Message, StringComparison.Ordinal);
    }
}
