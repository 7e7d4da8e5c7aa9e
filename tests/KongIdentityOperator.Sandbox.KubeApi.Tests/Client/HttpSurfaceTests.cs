using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Client;

/// <summary>The raw HTTP surface kubectl relies on: discovery, OpenAPI, tables, Status bodies for bad input.</summary>
public sealed class HttpSurfaceTests
{
    private const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

    private static Task<(HttpStatusCode Code, JsonNode? Body)> SendAsync(HttpClient http, HttpMethod method, string path, string? body = null, string contentType = "application/json", string? accept = null) =>
        RawHttp.SendAsync(http, method, path, body, contentType, accept: accept);

    [Fact]
    public async Task Discovery_lists_built_ins_and_CRD_kinds_until_the_CRD_is_deleted()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };

        var version = (await SendAsync(http, HttpMethod.Get, "version")).Body!;
        var core = (await SendAsync(http, HttpMethod.Get, "api")).Body!;
        var groups = (await SendAsync(http, HttpMethod.Get, "apis")).Body!;
        var resources = (await SendAsync(http, HttpMethod.Get, "apis/example.com/v1")).Body!;
        await sandbox.Client.ApiextensionsV1.DeleteCustomResourceDefinitionAsync("gizmos.example.com", cancellationToken: ApiFixture.Ct);
        var afterDelete = await SendAsync(http, HttpMethod.Get, "apis/example.com/v1");
        var groupsAfter = (await SendAsync(http, HttpMethod.Get, "apis")).Body!;

        Assert.Equal("32", version["minor"]!.GetValue<string>());
        Assert.Equal("""["v1"]""", core["versions"]!.ToJsonString());
        var names = groups["groups"]!.AsArray().Select(g => g!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("example.com", names);
        Assert.Contains("coordination.k8s.io", names);
        Assert.Contains("apiextensions.k8s.io", names);
        var gizmos = resources["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "gizmos")!;
        Assert.Equal(("Gizmo", true, "gizmo"), (gizmos["kind"]!.GetValue<string>(), gizmos["namespaced"]!.GetValue<bool>(), gizmos["singularName"]!.GetValue<string>()));
        Assert.Equal("""["gz"]""", gizmos["shortNames"]!.ToJsonString());
        Assert.Equal("""["toys"]""", gizmos["categories"]!.ToJsonString());
        Assert.Contains(resources["resources"]!.AsArray(), r => r!["name"]!.GetValue<string>() == "gizmos/status");
        Assert.Equal(HttpStatusCode.NotFound, afterDelete.Code);
        Assert.DoesNotContain("example.com", groupsAfter["groups"]!.AsArray().Select(g => g!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task OpenApi_v3_indexes_every_group_version_and_carries_the_CRD_schema()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };

        var index = (await SendAsync(http, HttpMethod.Get, "openapi/v3")).Body!;
        var url = index["paths"]!["apis/example.com/v1"]!["serverRelativeURL"]!.GetValue<string>();
        var document = (await SendAsync(http, HttpMethod.Get, url.TrimStart('/'))).Body!;
        var v2 = await SendAsync(http, HttpMethod.Get, "openapi/v2");

        Assert.NotNull(index["paths"]!["api/v1"]);
        Assert.NotNull(index["paths"]!["apis/apps/v1"]);
        var schema = document["components"]!["schemas"]!["com.example.v1.Gizmo"]!;
        Assert.Equal("""[{"group":"example.com","kind":"Gizmo","version":"v1"}]""", schema["x-kubernetes-group-version-kind"]!.ToJsonString());
        Assert.Equal(10, schema["properties"]!["spec"]!["properties"]!["size"]!["maximum"]!.GetValue<int>());
        var patch = document["paths"]!["/apis/example.com/v1/namespaces/{namespace}/gizmos/{name}"]!["patch"]!;
        Assert.Contains(patch["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "fieldValidation");
        Assert.Equal(HttpStatusCode.NotFound, v2.Code);
    }

    [Fact]
    public async Task Table_output_has_name_printer_columns_and_partial_metadata_rows()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };
        await sandbox.CreateGizmoAsync(Gizmos.New("t1", size: 4));
        await sandbox.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new k8s.Models.V1Patch("""{"status":{"conditions":[{"type":"Other","status":"False"},{"type":"Ready","status":"True"}]}}""", k8s.Models.V1Patch.PatchType.MergePatch),
            Gizmos.Group, Gizmos.Version, "default", Gizmos.Plural, "t1", cancellationToken: ApiFixture.Ct);

        var table = (await SendAsync(http, HttpMethod.Get, "apis/example.com/v1/namespaces/default/gizmos?limit=500", accept: TableAccept)).Body!;
        var withObject = (await SendAsync(http, HttpMethod.Get, "apis/example.com/v1/namespaces/default/gizmos/t1?includeObject=Object", accept: TableAccept)).Body!;

        Assert.Equal(("Table", "meta.k8s.io/v1"), (table["kind"]!.GetValue<string>(), table["apiVersion"]!.GetValue<string>()));
        Assert.Equal(["Name", "Ready", "Size", "Age"], table["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal(["string", "string", "integer", "date"], table["columnDefinitions"]!.AsArray().Select(c => c!["type"]!.GetValue<string>()));
        var row = Assert.Single(table["rows"]!.AsArray())!;
        Assert.Equal("t1", row["cells"]![0]!.GetValue<string>());
        Assert.Equal("True", row["cells"]![1]!.GetValue<string>());
        Assert.Equal(4, row["cells"]![2]!.GetValue<int>());
        Assert.Matches(@"^\d+s$", row["cells"]![3]!.GetValue<string>());
        Assert.Equal("PartialObjectMetadata", row["object"]!["kind"]!.GetValue<string>());
        Assert.Equal("Gizmo", withObject["rows"]![0]!["object"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Built_in_tables_show_sensible_columns()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };

        var namespaces = (await SendAsync(http, HttpMethod.Get, "api/v1/namespaces", accept: TableAccept)).Body!;

        Assert.Equal(["Name", "Status", "Age"], namespaces["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal("string", namespaces["columnDefinitions"]![2]!["type"]!.GetValue<string>());
        Assert.Matches(@"^\d+s$", namespaces["rows"]![0]!["cells"]![2]!.GetValue<string>());
        Assert.All(namespaces["rows"]!.AsArray(), r => Assert.Equal("Active", r!["cells"]![1]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("{\"apiVersion\":\"example.com/v1\",\"kind\":\"Gizmo\",", "application/json")]
    [InlineData("{\"a\":1,\"a\":2}", "application/json")]
    [InlineData("apiVersion: example.com/v1\nkind: Gizmo\nmetadata: {name: x\n", "application/yaml")]
    [InlineData("[1,2]", "application/json")]
    public async Task Malformed_bodies_are_400_and_store_nothing(string body, string contentType)
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };

        var (code, status) = await SendAsync(http, HttpMethod.Post, "apis/example.com/v1/namespaces/default/gizmos", body, contentType);

        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Equal("Status", status!["kind"]!.GetValue<string>());
        Assert.Equal("BadRequest", status["reason"]!.GetValue<string>());
        Assert.Empty(await sandbox.ListGizmosAsync());
    }

    [Fact]
    public async Task Yaml_bodies_are_accepted()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };

        var (code, created) = await SendAsync(
            http, HttpMethod.Post, "apis/example.com/v1/namespaces/default/gizmos",
            "apiVersion: example.com/v1\nkind: Gizmo\nmetadata:\n  name: y\n  labels: {version: \"1.0\"}\nspec:\n  size: 2\n  name: abc\n", "application/yaml");

        Assert.Equal(HttpStatusCode.Created, code);
        Assert.Equal(2, created!["spec"]!["size"]!.GetValue<int>());
        Assert.Equal("1.0", created["metadata"]!["labels"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_resources_and_namespace_mismatches_are_reported()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };

        var unknown = await SendAsync(http, HttpMethod.Get, "apis/example.com/v1/namespaces/default/widgets");
        var mismatch = await SendAsync(
            http, HttpMethod.Post, "apis/example.com/v1/namespaces/default/gizmos",
            """{"apiVersion":"example.com/v1","kind":"Gizmo","metadata":{"name":"m","namespace":"other"},"spec":{"size":1}}""");
        var wrongKind = await SendAsync(
            http, HttpMethod.Post, "apis/example.com/v1/namespaces/default/gizmos",
            """{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"k"},"spec":{"size":1}}""");

        Assert.Equal(HttpStatusCode.NotFound, unknown.Code);
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.Code);
        Assert.Contains("does not match the namespace sent on the request", mismatch.Body!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrongKind.Code);
        Assert.Empty(await sandbox.ListGizmosAsync());
    }

    [Fact]
    public async Task Dry_run_create_returns_the_object_without_storing_it()
    {
        await using var sandbox = await ApiFixture.StartWithGizmosAsync();
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseAddress };

        var (code, body) = await SendAsync(
            http, HttpMethod.Post, "apis/example.com/v1/namespaces/default/gizmos?dryRun=All",
            """{"apiVersion":"example.com/v1","kind":"Gizmo","metadata":{"name":"dry"},"spec":{"size":1}}""");

        Assert.Equal(HttpStatusCode.Created, code);
        Assert.Equal("auto", body!["spec"]!["mode"]!.GetValue<string>());
        Assert.Empty(await sandbox.ListGizmosAsync());
    }
}
