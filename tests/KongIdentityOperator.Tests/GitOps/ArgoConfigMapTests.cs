using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace KongIdentityOperator.Tests.GitOps;

/// <summary>config/argocd/argocd-cm.yaml carries health.lua, byte for byte, for every kind, and patches cleanly.</summary>
public sealed class ArgoConfigMapTests
{
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

    // The README's `kubectl patch` recipe, run offline with --local against a stand-in of Argo CD's ConfigMap.
    [Fact]
    public async Task Kubectl_merge_patch_adds_the_checks_and_keeps_existing_settings()
    {
        const string existing = """
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"argocd-cm","namespace":"argocd"},
             "data":{"url":"https://argocd.example.com","resource.customizations.health.cert-manager.io_Certificate":"return {}"}}
            """;

        var patched = await KubectlPatchAsync(existing, TestContext.Current.CancellationToken);

        var data = patched["data"]!.AsObject();
        Assert.Equal("https://argocd.example.com", (string?)data["url"]);
        Assert.Equal("return {}", (string?)data["resource.customizations.health.cert-manager.io_Certificate"]);
        var script = await File.ReadAllTextAsync(RepositoryFiles.HealthScript, TestContext.Current.CancellationToken);
        Assert.All(ExpectedKeys, key => Assert.Equal(script, (string?)data[key]));
    }

    private static async Task<JsonObject> KubectlPatchAsync(string configMapJson, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("kubectl")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        foreach (var argument in new[] { "patch", "--local", "-f", "-", "--type", "merge", "--patch-file", RepositoryFiles.ArgoConfigMap, "-o", "json" })
        {
            start.ArgumentList.Add(argument);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start.");
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardInput.WriteAsync(configMapJson.AsMemory(), timeout.Token);
            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"kubectl patch failed: {await error}");
            return JsonNode.Parse(await output)!.AsObject();
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
