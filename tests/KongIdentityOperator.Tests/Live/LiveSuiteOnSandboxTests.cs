using System.Text;
using k8s;
using k8s.Models;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Builder;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Sandbox.Konnect;
using KongIdentityOperator.Sandbox.KubeApi;
using KongIdentityOperator.Tests.Integration.Harness;
using KongIdentityOperator.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace KongIdentityOperator.Tests.Live;

/// <summary>
/// <c>make e2e-live</c> on every change: its entry runs against the sandbox (the in-memory API server and the Konnect
/// emulator, exported as <c>KUBECONFIG</c>, <c>KONNECT_SERVER_URL</c> and <c>KONNECT_TOKEN</c>), skips cleanly without
/// them, removes what it made when interrupted, and in cleanup-only mode removes leftovers but no foreign object.
/// </summary>
public sealed class LiveSuiteOnSandboxTests : IAsyncLifetime
{
    private const string Token = "kpat_e2e_live_sandbox_token";
    private static readonly TimeSpan SuiteTimeout = TimeSpan.FromMinutes(8);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "kio-e2e-" + Guid.NewGuid().ToString("N"));
    private KubeApiServer _server = null!;
    private KonnectEmulator _konnect = null!;
    private ServiceProvider _services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Kubeconfig => Path.Combine(_directory, "kubeconfig");

    private IKubernetes Kubernetes => _services.GetRequiredService<IKubernetes>();

    private IKubernetesClient Client => _services.GetRequiredService<IKubernetesClient>();

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), Ct);
        _server.WriteKubeconfig(Kubeconfig);
        _konnect = await KonnectEmulator.StartAsync(new KonnectEmulatorOptions { Tokens = [Token], SeedTutorial = true }, Ct);
        var services = new ServiceCollection();
        services.AddSingleton(new KubernetesClientConfiguration { Host = _server.BaseAddress.ToString() });
        services.AddKubernetesOperator();
        _services = services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _konnect.DisposeAsync();
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Without_the_variables_the_entry_prints_the_reason_and_skips_with_exit_code_0()
    {
        using var entry = SuiteEntry.Start(new Dictionary<string, string>());
        var code = await entry.WaitAsync(SuiteTimeout, Ct);

        Assert.True(code == 0, entry.Output);
        Assert.Contains("e2e-live: skipped: set KONNECT_TOKEN, KONNECT_REGION or KONNECT_SERVER_URL, KUBECONFIG", entry.Output, StringComparison.Ordinal);
        Assert.Contains("[SKIP]", entry.Output, StringComparison.Ordinal);
        Assert.Contains("Failed: 0", entry.Output, StringComparison.Ordinal);
        Assert.Contains("Skipped: 6", entry.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Against_the_sandbox_every_scenario_passes_and_nothing_it_made_is_left()
    {
        using var entry = SuiteEntry.Start(Variables("e2esbx01"));
        var code = await entry.WaitAsync(SuiteTimeout, Ct);

        Assert.True(code == 0, entry.Output);
        Assert.Contains("Total: 6, Errors: 0, Failed: 0, Skipped: 1", entry.Output, StringComparison.Ordinal);
        Assert.Contains($"Konnect server   {_konnect.BaseAddress}", entry.Output, StringComparison.Ordinal);
        Assert.Contains("namespace        e2e-e2esbx01", entry.Output, StringComparison.Ordinal);
        Assert.Contains("operator         run by the suite", entry.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, entry.Output, StringComparison.Ordinal);
        await AssertRunGoneAsync();
    }

    [Fact]
    public async Task Interrupted_by_SIGTERM_it_removes_what_it_created_before_exiting()
    {
        using var entry = SuiteEntry.Start(Variables("e2esbx02"));
        await Eventually.TrueAsync(
            async () => await CountAuthServersAsync("e2e-e2esbx02") > 0 && _konnect.Snapshot().AuthServers.Count > 0,
            "the suite's first auth server, in the cluster and in Konnect",
            TimeSpan.FromMinutes(4));

        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(Ct);
        }

        var code = await entry.WaitAsync(TimeSpan.FromMinutes(4), Ct);
        Assert.True(code == 143, $"exit code {code}:\n{entry.Output}");
        Assert.Contains("SIGTERM received", entry.Output, StringComparison.Ordinal);
        await AssertRunGoneAsync();
    }

    [Fact]
    public async Task Cleanup_only_removes_the_leftovers_of_earlier_runs_and_no_foreign_object()
    {
        await InstallCrdsAsync();
        const string Run = "old1run2";
        var leftoverNs = await CreateNamespaceAsync($"e2e-{Run}", Run);
        await Client.CreateAsync(Secret("konnect-token", leftoverNs, Run, ["identity.konghq.com/token-in-use"]), Ct);
        await Client.CreateAsync(AuthServerHeldByFinalizer("stuck", leftoverNs), Ct);
        var leftoverServer = await CreateKonnectAuthServerAsync($"e2e-{Run}-tutorial", new Dictionary<string, string> { [LiveLabels.KonnectRun] = Run });
        await KonnectAsync(HttpMethod.Post, $"v1/auth-servers/{leftoverServer}/scopes", new { name = "my-scope" });
        await KonnectAsync(HttpMethod.Post, "v2/control-planes", new { name = $"e2e-{Run}-cp", labels = new Dictionary<string, string> { [LiveLabels.KonnectRun] = Run } });

        // Foreign: a name with the prefix but no label, a label on a name without the prefix, and what users made.
        var unlabelled = await CreateNamespaceAsync($"e2e-{Run}x", null);
        var team = await CreateNamespaceAsync("team-a", Run);
        await Client.CreateAsync(AuthServerHeldByFinalizer("team-as", team), Ct);
        await Client.CreateAsync(AuthServerHeldByFinalizer("lookalike", unlabelled), Ct);
        await CreateKonnectAuthServerAsync($"e2e-{Run}-unlabelled", []);
        await CreateKonnectAuthServerAsync("production", new Dictionary<string, string> { [LiveLabels.KonnectRun] = Run });
        await KonnectAsync(HttpMethod.Post, "v2/control-planes", new { name = $"e2e-{Run}-theirs" });

        using var entry = SuiteEntry.Start(Variables("e2esbx03"), "--cleanup-only");
        var code = await entry.WaitAsync(SuiteTimeout, Ct);

        Assert.True(code == 0, entry.Output);
        Assert.Contains("Total: 6, Errors: 0, Failed: 0, Skipped: 5", entry.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, entry.Output, StringComparison.Ordinal);
        await Eventually.TrueAsync(async () => !await NamespaceExistsAsync(leftoverNs), $"namespace {leftoverNs} removed");
        var snapshot = _konnect.Snapshot();
        Assert.Equal([$"e2e-{Run}-unlabelled", "production"], snapshot.AuthServers.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Equal([$"e2e-{Run}-theirs", "quickstart"], snapshot.ControlPlanes.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.True(await NamespaceExistsAsync(unlabelled));
        Assert.True(await NamespaceExistsAsync(team));
        Assert.NotNull(await Client.GetAsync<AuthServer>("team-as", team, Ct));
        Assert.NotNull(await Client.GetAsync<AuthServer>("lookalike", unlabelled, Ct));
        Assert.Equal(5, (await Kubernetes.ApiextensionsV1.ListCustomResourceDefinitionAsync(cancellationToken: Ct)).Items.Count);
    }

    private Dictionary<string, string> Variables(string runId) => new()
    {
        ["KUBECONFIG"] = Kubeconfig,
        ["KONNECT_SERVER_URL"] = _konnect.BaseAddress.ToString(),
        ["KONNECT_TOKEN"] = Token,
        [LiveSettings.RunIdVariable] = runId,
    };

    private async Task AssertRunGoneAsync()
    {
        await Eventually.TrueAsync(
            async () => (await Kubernetes.CoreV1.ListNamespaceAsync(labelSelector: LiveLabels.Run, cancellationToken: Ct)).Items.Count == 0,
            "the run's namespace removed");
        var crds = await Kubernetes.ApiextensionsV1.ListCustomResourceDefinitionAsync(cancellationToken: Ct);
        Assert.Empty(crds.Items);
        var snapshot = _konnect.Snapshot();
        Assert.Empty(snapshot.AuthServers);
        Assert.Equal(["quickstart"], snapshot.ControlPlanes.Select(c => c.Name));
    }

    /// <summary>0 too while the suite has not installed the CRDs yet.</summary>
    private async Task<int> CountAuthServersAsync(string ns)
    {
        try
        {
            return (await Client.ListAsync<AuthServer>(ns, cancellationToken: Ct)).Count;
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return 0;
        }
    }

    private async Task<string> CreateNamespaceAsync(string name, string? runLabel)
    {
        var labels = runLabel is null ? null : new Dictionary<string, string> { [LiveLabels.Run] = runLabel };
        await Kubernetes.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name, Labels = labels } }, cancellationToken: Ct);
        return name;
    }

    private async Task<bool> NamespaceExistsAsync(string name) =>
        (await Kubernetes.CoreV1.ListNamespaceAsync(cancellationToken: Ct)).Items.Any(n => n.Metadata.Name == name);

    private static V1Secret Secret(string name, string ns, string run, IList<string> finalizers) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Finalizers = finalizers, Labels = new Dictionary<string, string> { [LiveLabels.Run] = run } },
        Data = new Dictionary<string, byte[]> { ["token"] = Encoding.UTF8.GetBytes(Token) },
    };

    /// <summary>An AuthServer whose operator is gone: its cleanup finalizer stays until someone releases it.</summary>
    private static AuthServer AuthServerHeldByFinalizer(string name, string ns) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Finalizers = ["identity.konghq.com/cleanup"] },
        Spec = new AuthServerSpec { Audience = "http://example.test", Konnect = new KonnectSettings { TokenSecretRef = new SecretKeyReference { Name = "konnect-token" } } },
    };

    private async Task<string> KonnectAsync(HttpMethod method, string path, object body)
    {
        using var konnect = new LiveKonnect(_konnect.BaseAddress, Token);
        return LiveKonnect.Id(await konnect.SendAsync(method, path, body, Ct));
    }

    private Task<string> CreateKonnectAuthServerAsync(string name, Dictionary<string, string> labels) =>
        KonnectAsync(HttpMethod.Post, "v1/auth-servers", new { name, audience = "http://example.test", labels });

    private async Task InstallCrdsAsync()
    {
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("config", "crds"), "identity.konghq.com_*.yaml"))
        {
            var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await File.ReadAllTextAsync(file, Ct));
            await Kubernetes.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: Ct);
            await Eventually.TrueAsync(
                async () => (await Kubernetes.ApiextensionsV1.ReadCustomResourceDefinitionAsync(crd.Metadata.Name, cancellationToken: Ct))
                    .Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") == true,
                $"CRD {crd.Metadata.Name} established");
        }
    }
}
