using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Kubectl;

public sealed class KubectlCustomResourceTests
{
    private const string Gizmo = """
        apiVersion: example.com/v1
        kind: Gizmo
        metadata:
          name: g1
          labels:
            tier: front
        spec:
          size: 3
        """;

    private static async Task<Infrastructure.Kubectl> WithGizmoAsync()
    {
        var kubectl = await Infrastructure.Kubectl.StartAsync();
        (await kubectl.RunAsync(["apply", "-f", "-"], Gizmo)).ShouldSucceed();
        return kubectl;
    }

    private static JsonObject Json(KubectlResult result) => JsonNode.Parse(result.ShouldSucceed().Stdout)!.AsObject();

    [Fact]
    public async Task Apply_creates_from_yaml_and_get_json_returns_the_object()
    {
        await using var kubectl = await WithGizmoAsync();

        var gizmo = Json(await kubectl.RunAsync(["get", "gizmo", "g1", "-o", "json"]));

        Assert.Equal("Gizmo", gizmo["kind"]!.GetValue<string>());
        Assert.Equal(3, gizmo["spec"]!["size"]!.GetValue<int>());
        Assert.Equal("auto", gizmo["spec"]!["mode"]!.GetValue<string>());
        Assert.NotNull(gizmo["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"]);
    }

    [Fact]
    public async Task Schema_violation_is_rejected_naming_the_field()
    {
        await using var kubectl = await Infrastructure.Kubectl.StartAsync();

        var result = (await kubectl.RunAsync(["apply", "-f", "-"], Gizmo.Replace("size: 3", "size: 99", StringComparison.Ordinal))).ShouldFail();

        Assert.Contains("The Gizmo \"g1\" is invalid: spec.size: Invalid value: 99: spec.size in body should be less than or equal to 10", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_fields_are_rejected_by_default_strict_validation()
    {
        await using var kubectl = await Infrastructure.Kubectl.StartAsync();

        var result = (await kubectl.RunAsync(["apply", "-f", "-"], Gizmo + "\n  bogus: 1\n")).ShouldFail();

        Assert.Contains("unknown field \"spec.bogus\"", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_shows_printer_columns()
    {
        await using var kubectl = await WithGizmoAsync();
        (await kubectl.RunAsync(["patch", "gizmo", "g1", "--subresource", "status", "--type", "merge", "-p", """{"status":{"conditions":[{"type":"Ready","status":"True"}]}}"""])).ShouldSucceed();

        var table = (await kubectl.RunAsync(["get", "gizmos"])).ShouldSucceed().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Matches(@"^NAME\s+READY\s+SIZE\s+AGE$", table[0]);
        Assert.Matches(@"^g1\s+True\s+3\s+\d+s$", table[1]);
    }

    [Fact]
    public async Task Patch_merge_json_and_status_subresource()
    {
        await using var kubectl = await WithGizmoAsync();

        (await kubectl.RunAsync(["patch", "gizmo", "g1", "--type", "merge", "-p", """{"spec":{"size":4}}"""])).ShouldSucceed();
        (await kubectl.RunAsync(["patch", "gizmo", "g1", "--type", "json", "-p", """[{"op":"replace","path":"/spec/size","value":5}]"""])).ShouldSucceed();
        (await kubectl.RunAsync(["patch", "gizmo", "g1", "--subresource", "status", "--type", "merge", "-p", """{"status":{"phase":"Ready"}}"""])).ShouldSucceed();
        var gizmo = Json(await kubectl.RunAsync(["get", "gizmo", "g1", "-o", "json"]));

        Assert.Equal(5, gizmo["spec"]!["size"]!.GetValue<int>());
        Assert.Equal("Ready", gizmo["status"]!["phase"]!.GetValue<string>());
        Assert.Equal(3, gizmo["metadata"]!["generation"]!.GetValue<long>());
    }

    [Fact]
    public async Task Label_selectors_label_and_annotate()
    {
        await using var kubectl = await WithGizmoAsync();
        (await kubectl.RunAsync(["apply", "-f", "-"], Gizmo.Replace("g1", "g2", StringComparison.Ordinal).Replace("front", "back", StringComparison.Ordinal))).ShouldSucceed();

        (await kubectl.RunAsync(["label", "gizmo", "g2", "env=prod"])).ShouldSucceed();
        (await kubectl.RunAsync(["annotate", "gizmo", "g2", "note=hello"])).ShouldSucceed();
        var front = (await kubectl.RunAsync(["get", "gizmos", "-l", "tier=front", "-o", "name"])).ShouldSucceed().Stdout.Trim();
        var prod = (await kubectl.RunAsync(["get", "gizmos", "-l", "tier in (back),env", "-o", "name"])).ShouldSucceed().Stdout.Trim();
        var note = (await kubectl.RunAsync(["get", "gizmo", "g2", "-o", "jsonpath={.metadata.annotations.note}"])).ShouldSucceed().Stdout;

        Assert.Equal("gizmo.example.com/g1", front);
        Assert.Equal("gizmo.example.com/g2", prod);
        Assert.Equal("hello", note);
    }

    [Fact]
    public async Task Replace_with_a_stale_resource_version_is_a_conflict()
    {
        await using var kubectl = await WithGizmoAsync();
        var stale = (await kubectl.RunAsync(["get", "gizmo", "g1", "-o", "yaml"])).ShouldSucceed().Stdout;
        (await kubectl.RunAsync(["patch", "gizmo", "g1", "--type", "merge", "-p", """{"spec":{"size":6}}"""])).ShouldSucceed();

        var result = (await kubectl.RunAsync(["replace", "-f", "-"], stale.Replace("size: 3", "size: 7", StringComparison.Ordinal))).ShouldFail();

        Assert.Contains("Error from server (Conflict)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("the object has been modified", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_waits_for_finalizers_and_completes_when_they_are_removed()
    {
        await using var kubectl = await WithGizmoAsync();
        (await kubectl.RunAsync(["patch", "gizmo", "g1", "--type", "merge", "-p", """{"metadata":{"finalizers":["example.com/hold"]}}"""])).ShouldSucceed();

        (await kubectl.RunAsync(["delete", "gizmo", "g1", "--wait=false"])).ShouldSucceed();
        var deletion = (await kubectl.RunAsync(["get", "gizmo", "g1", "-o", "jsonpath={.metadata.deletionTimestamp}"])).ShouldSucceed().Stdout;
        (await kubectl.RunAsync(["patch", "gizmo", "g1", "--type", "json", "-p", """[{"op":"remove","path":"/metadata/finalizers"}]"""])).ShouldSucceed();
        var gone = (await kubectl.RunAsync(["get", "gizmo", "g1"])).ShouldFail();

        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", deletion);
        Assert.Contains("NotFound", gone.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_for_condition_returns_when_the_status_says_ready()
    {
        await using var kubectl = await WithGizmoAsync();
        using var wait = kubectl.Start(["wait", "--for=condition=Ready", "gizmo/g1", "--timeout=50s"]);
        var output = wait.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);

        (await kubectl.RunAsync(["patch", "gizmo", "g1", "--subresource", "status", "--type", "merge", "-p", """{"status":{"conditions":[{"type":"Ready","status":"True"}]}}"""])).ShouldSucceed();

        await wait.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.Equal(0, wait.ExitCode);
        Assert.Contains("condition met", await output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_watch_receives_an_event()
    {
        await using var kubectl = await WithGizmoAsync();
        using var watch = kubectl.Start(["get", "gizmos", "-w", "--output-watch-events"]);
        try
        {
            var header = await watch.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken);
            var initial = await watch.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken);
            (await kubectl.RunAsync(["patch", "gizmo", "g1", "--type", "merge", "-p", """{"spec":{"size":8}}"""])).ShouldSucceed();
            var change = await watch.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

            Assert.Matches(@"^EVENT\s+NAME\s+READY\s+SIZE\s+AGE$", header);
            Assert.Matches(@"^ADDED\s+g1\s+3\s", initial);
            Assert.Matches(@"^MODIFIED\s+g1\s+8\s", change);
        }
        finally
        {
            watch.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task Server_side_apply_creates_and_updates()
    {
        await using var kubectl = await Infrastructure.Kubectl.StartAsync();

        (await kubectl.RunAsync(["apply", "--server-side", "-f", "-"], Gizmo)).ShouldSucceed();
        var updated = (await kubectl.RunAsync(["apply", "--server-side", "-f", "-"], Gizmo.Replace("size: 3", "size: 6", StringComparison.Ordinal))).ShouldSucceed();
        var size = (await kubectl.RunAsync(["get", "gizmo", "g1", "-o", "jsonpath={.spec.size}"])).ShouldSucceed().Stdout;

        Assert.Contains("serverside-applied", updated.Stdout, StringComparison.Ordinal);
        Assert.Equal("6", size);
        Assert.Contains(kubectl.Api.Server.RequestLog, e => e.Verb == "patch" && e.ContentType == "application/apply-patch+yaml" && e.Query.Contains("fieldManager=kubectl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deleting_an_owner_garbage_collects_its_dependents()
    {
        await using var kubectl = await WithGizmoAsync();
        var uid = (await kubectl.RunAsync(["get", "gizmo", "g1", "-o", "jsonpath={.metadata.uid}"])).ShouldSucceed().Stdout;
        (await kubectl.RunAsync(["apply", "-f", "-"], $$"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: owned
              ownerReferences:
              - {apiVersion: example.com/v1, kind: Gizmo, name: g1, uid: {{uid}}}
            data: {a: b}
            """)).ShouldSucceed();

        (await kubectl.RunAsync(["delete", "gizmo", "g1"])).ShouldSucceed();

        await Eventually.TrueAsync(async () => (await kubectl.RunAsync(["get", "configmap", "owned"])).ExitCode != 0, "the ConfigMap is collected");
    }

    [Fact]
    public async Task Kind_is_no_longer_served_after_its_CRD_is_deleted()
    {
        await using var kubectl = await WithGizmoAsync();

        (await kubectl.RunAsync(["delete", "crd", "gizmos.example.com"])).ShouldSucceed();
        var result = (await kubectl.RunAsync(["get", "gizmos"])).ShouldFail();

        // With discovery cached, kubectl reports the 404 of the list; with a fresh cache, the missing resource type.
        Assert.Matches("the server could not find the requested resource|the server doesn't have a resource type \"gizmos\"", result.Stderr);
    }

    [Fact]
    public async Task Describe_output_formats_and_delete()
    {
        await using var kubectl = await WithGizmoAsync();

        var described = (await kubectl.RunAsync(["describe", "gizmo", "g1"])).ShouldSucceed().Stdout;
        var yaml = (await kubectl.RunAsync(["get", "gz", "g1", "-o", "yaml"])).ShouldSucceed().Stdout;
        var name = (await kubectl.RunAsync(["get", "gz", "-o", "name"])).ShouldSucceed().Stdout.Trim();
        var deleted = (await kubectl.RunAsync(["delete", "gizmo", "g1"])).ShouldSucceed().Stdout;
        var empty = (await kubectl.RunAsync(["get", "gizmos"])).ShouldSucceed();

        Assert.Contains("Name:         g1", described, StringComparison.Ordinal);
        Assert.Contains("Size:  3", described, StringComparison.Ordinal);
        Assert.StartsWith("apiVersion: example.com/v1\nkind: Gizmo\n", yaml, StringComparison.Ordinal);
        Assert.Equal("gizmo.example.com/g1", name);
        Assert.Contains("gizmo.example.com \"g1\" deleted", deleted, StringComparison.Ordinal);
        Assert.Contains("No resources found", empty.Stderr, StringComparison.Ordinal);
    }
}
