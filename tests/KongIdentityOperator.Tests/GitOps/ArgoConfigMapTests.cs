using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace KongIdentityOperator.Tests.GitOps;

/// <summary>
/// config/argocd/argocd-cm.yaml carries health.lua, byte for byte, for every kind, and merges into an existing
/// argocd-cm both ways the README gives (kubectl patch, kustomize), run offline through kubectl.
/// </summary>
public sealed class ArgoConfigMapTests
{
    private const string ExistingConfigMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: argocd-cm
          namespace: argocd
        data:
          url: https://argocd.example.com
          resource.customizations.health.cert-manager.io_Certificate: return {}
        """;

    private static IEnumerable<string> ExpectedKeys =>
        PhaseObjects.Kinds.Select(kind => $"resource.customizations.health.identity.konghq.com_{kind}");

    [Fact]
    public void Embeds_health_lua_verbatim_for_every_kind()
    {
        var script = File.ReadAllText(RepositoryFiles.HealthScript);
        var yaml = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(RepositoryFiles.ArgoConfigMap)))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)Assert.Single(yaml.Documents).RootNode;
        var metadata = (YamlMappingNode)root["metadata"];
        Assert.Equal("ConfigMap", root["kind"].ToString());
        Assert.Equal("argocd-cm", metadata["name"].ToString());
        Assert.Equal("argocd", metadata["namespace"].ToString());

        var data = ((YamlMappingNode)root["data"]).Children.ToDictionary(pair => pair.Key.ToString(), pair => pair.Value.ToString());
        Assert.Equal(ExpectedKeys.Order(StringComparer.Ordinal), data.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, value) in data)
        {
            Assert.True(value == script, $"{key} differs from health.lua; run config/argocd/render-configmap.sh");
        }
    }

    [Fact]
    public async Task Kubectl_merge_patch_adds_the_checks_and_keeps_existing_settings()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        var result = await KubectlAsync(
            ["patch", "--local", "-f", "-", "--type", "merge", "--patch-file", RepositoryFiles.ArgoConfigMap, "-o", "json"],
            ExistingConfigMap,
            cancellationToken);

        await AssertMergedAsync(JsonNode.Parse(result)!.AsObject(), cancellationToken);
    }

    [Fact]
    public async Task Kustomize_patch_adds_the_checks_and_keeps_existing_settings()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var directory = Directory.CreateTempSubdirectory("argocd-kustomize-");
        try
        {
            File.Copy(RepositoryFiles.ArgoConfigMap, Path.Combine(directory.FullName, "argocd-cm.yaml"));
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "install.yaml"), ExistingConfigMap, cancellationToken);
            await File.WriteAllTextAsync(
                Path.Combine(directory.FullName, "kustomization.yaml"),
                "resources:\n- install.yaml\npatches:\n- path: argocd-cm.yaml\n",
                cancellationToken);

            var yaml = await KubectlAsync(["kustomize", directory.FullName], string.Empty, cancellationToken);

            // kubectl converts YAML to JSON for us, so both recipes are checked by the same assertions.
            var json = await KubectlAsync(["patch", "--local", "-f", "-", "--type", "merge", "-p", "{}", "-o", "json"], yaml, cancellationToken);
            await AssertMergedAsync(JsonNode.Parse(json)!.AsObject(), cancellationToken);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task AssertMergedAsync(JsonObject configMap, CancellationToken cancellationToken)
    {
        var script = await File.ReadAllTextAsync(RepositoryFiles.HealthScript, cancellationToken);
        var data = configMap["data"]!.AsObject();
        Assert.Equal("https://argocd.example.com", (string?)data["url"]);
        Assert.Equal("return {}", (string?)data["resource.customizations.health.cert-manager.io_Certificate"]);
        Assert.All(ExpectedKeys, key => Assert.Equal(script, (string?)data[key]));
    }

    private static async Task<string> KubectlAsync(string[] arguments, string input, CancellationToken cancellationToken)
    {
        var kubectl = ChildProcess.Find("kubectl");
        Assert.True(kubectl is not null, "kubectl is not on the PATH; these tests run it offline (no cluster needed).");

        var result = await ChildProcess.RunAsync(kubectl, arguments, input, cancellationToken: cancellationToken);

        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', arguments)} failed: {result.Error}");
        return result.Output;
    }
}
