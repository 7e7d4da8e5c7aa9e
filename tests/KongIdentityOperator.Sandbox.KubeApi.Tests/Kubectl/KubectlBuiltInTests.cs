using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Kubectl;

public sealed class KubectlBuiltInTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 1
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: app
                image: nginx:1
                env:
                - {name: A, value: "1"}
                - {name: B, value: "2"}
              - name: side
                image: side:1
        """;

    [Fact]
    public async Task Create_secret_generic_and_read_it_back()
    {
        await using var kubectl = await Infrastructure.Kubectl.StartAsync(withGizmoCrd: false);

        (await kubectl.RunAsync(["create", "secret", "generic", "creds", "--from-literal=token=abc", "--from-literal=user=me"])).ShouldSucceed();
        var table = (await kubectl.RunAsync(["get", "secrets"])).ShouldSucceed().Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var token = (await kubectl.RunAsync(["get", "secret", "creds", "-o", "jsonpath={.data.token}"])).ShouldSucceed().Stdout;

        Assert.Matches(@"^NAME\s+TYPE\s+DATA\s+AGE$", table[0]);
        Assert.Matches(@"^creds\s+Opaque\s+2\s+\d+s$", table[1]);
        Assert.Equal("abc", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(token)));
    }

    [Fact]
    public async Task Create_configmap_namespace_and_serviceaccount()
    {
        await using var kubectl = await Infrastructure.Kubectl.StartAsync(withGizmoCrd: false);

        (await kubectl.RunAsync(["create", "namespace", "team"])).ShouldSucceed();
        (await kubectl.RunAsync(["create", "configmap", "cm", "--from-literal=a=b", "-n", "team"])).ShouldSucceed();
        (await kubectl.RunAsync(["create", "serviceaccount", "bot", "-n", "team"])).ShouldSucceed();
        var names = (await kubectl.RunAsync(["get", "configmaps,serviceaccounts", "-n", "team", "-o", "name"])).ShouldSucceed().Stdout;
        var namespaces = (await kubectl.RunAsync(["get", "namespaces"])).ShouldSucceed().Stdout;

        Assert.Equal("configmap/cm\nserviceaccount/bot\n", names);
        Assert.Matches(@"team\s+Active\s+\d+s", namespaces);
    }

    [Fact]
    public async Task Apply_twice_on_a_deployment_sends_a_strategic_merge_patch()
    {
        await using var kubectl = await Infrastructure.Kubectl.StartAsync(withGizmoCrd: false);
        (await kubectl.RunAsync(["apply", "-f", "-"], Deployment)).ShouldSucceed();

        var second = Deployment
            .Replace("nginx:1", "nginx:2", StringComparison.Ordinal)
            .Replace("    - {name: B, value: \"2\"}\n", string.Empty, StringComparison.Ordinal)
            .Replace("  - name: side\n        image: side:1\n", string.Empty, StringComparison.Ordinal);
        var applied = (await kubectl.RunAsync(["apply", "-f", "-"], second[..second.IndexOf("      - name: side", StringComparison.Ordinal)])).ShouldSucceed();
        var deployment = JsonNode.Parse((await kubectl.RunAsync(["get", "deployment", "web", "-o", "json"])).ShouldSucceed().Stdout)!;

        Assert.Contains("deployment.apps/web configured", applied.Stdout, StringComparison.Ordinal);
        var container = Assert.Single(deployment["spec"]!["template"]!["spec"]!["containers"]!.AsArray())!;
        Assert.Equal("nginx:2", container["image"]!.GetValue<string>());
        Assert.Equal("""[{"name":"A","value":"1"}]""", container["env"]!.ToJsonString());
        Assert.Equal(2, deployment["metadata"]!["generation"]!.GetValue<long>());
        Assert.Contains(kubectl.Api.Server.RequestLog, e => e.Verb == "patch" && e.Resource == "deployments" && e.ContentType == "application/strategic-merge-patch+json");
    }

    [Fact]
    public async Task Describe_and_delete_a_built_in()
    {
        await using var kubectl = await Infrastructure.Kubectl.StartAsync(withGizmoCrd: false);
        (await kubectl.RunAsync(["create", "secret", "generic", "s", "--from-literal=k=v"])).ShouldSucceed();

        var described = (await kubectl.RunAsync(["describe", "secret", "s"])).ShouldSucceed().Stdout;
        var deleted = (await kubectl.RunAsync(["delete", "secret", "s"])).ShouldSucceed().Stdout;

        Assert.Contains("Type:  Opaque", described, StringComparison.Ordinal);
        Assert.Contains("k:  1 bytes", described, StringComparison.Ordinal);
        Assert.DoesNotContain("\nv\n", described, StringComparison.Ordinal);
        Assert.Contains("secret \"s\" deleted", deleted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dry_run_server_does_not_store()
    {
        await using var kubectl = await Infrastructure.Kubectl.StartAsync();

        (await kubectl.RunAsync(["apply", "--dry-run=server", "-f", "-"], "apiVersion: example.com/v1\nkind: Gizmo\nmetadata: {name: dry}\nspec: {size: 2}\n")).ShouldSucceed();
        var rejected = (await kubectl.RunAsync(["apply", "--dry-run=server", "-f", "-"], "apiVersion: example.com/v1\nkind: Gizmo\nmetadata: {name: dry}\nspec: {size: 20}\n")).ShouldFail();
        var list = (await kubectl.RunAsync(["get", "gizmos", "-o", "name"])).ShouldSucceed().Stdout;

        Assert.Contains("spec.size", rejected.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, list);
    }
}
