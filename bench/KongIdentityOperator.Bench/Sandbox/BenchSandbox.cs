using System.Net.Http.Json;
using System.Text;
using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Sandbox.Konnect;
using KongIdentityOperator.Sandbox.KubeApi;

namespace KongIdentityOperator.Bench.Sandbox;

/// <summary>
/// The outside world of a benchmark run, in this process: the in-memory Kubernetes API server (with the generated
/// CRDs) and the Konnect emulator with control plane <c>quickstart</c> and one gateway service per policy. Faults
/// (latency, rate limit) are switched on only after seeding, so seeding costs the operator nothing.
/// </summary>
internal sealed class BenchSandbox : IAsyncDisposable
{
    public const string Token = "kpat_bench_token";
    public const string TokenSecretName = "konnect-token";

    private BenchSandbox(KubeApiServer kubeApi, KonnectEmulator konnect, string kubeconfig, IKubernetes kubernetes)
    {
        KubeApi = kubeApi;
        Konnect = konnect;
        Kubeconfig = kubeconfig;
        Kubernetes = kubernetes;
        Client = new KubernetesEntityClient(kubernetes);
    }

    public KubeApiServer KubeApi { get; }

    public KonnectEmulator Konnect { get; }

    public string Kubeconfig { get; }

    public IKubernetes Kubernetes { get; }

    public IKubernetesClient Client { get; }

    public static async Task<BenchSandbox> StartAsync(string workDirectory, string repositoryRoot, int gatewayServices, CancellationToken cancellationToken)
    {
        // Large watch buffers: a 10,000-object burst must not make the sandbox drop the operator's watches, which a
        // real API server (with its watch cache) would not do either.
        var kubeApi = await KubeApiServer.StartAsync(
            new KubeApiServerOptions { WatchHistorySize = 500_000, WatchBufferSize = 500_000 }, cancellationToken);
        // Kong Identity's documented limits hold (5,000 clients per auth server, 50 auth servers per region): the
        // memory scenario spreads its Clients over several AuthServers as a real deployment must.
        var konnect = await KonnectEmulator.StartAsync(
            new KonnectEmulatorOptions { Tokens = [Token], SeedTutorial = true, Limits = KonnectEmulatorLimits.Documented },
            cancellationToken);
        var kubeconfig = Path.Combine(workDirectory, "kubeconfig-" + Guid.NewGuid().ToString("N")[..8]);
        kubeApi.WriteKubeconfig(kubeconfig);
        var kubernetes = new Kubernetes(new KubernetesClientConfiguration { Host = kubeApi.BaseAddress.ToString() });
        var sandbox = new BenchSandbox(kubeApi, konnect, kubeconfig, kubernetes);
        await sandbox.InstallCrdsAsync(repositoryRoot, cancellationToken);
        await sandbox.SeedServicesAsync(gatewayServices, cancellationToken);
        return sandbox;
    }

    public static string ServiceName(int index) => $"bench-service-{index}";

    /// <summary>Konnect as the issue describes it: 20 ms per call and 3,000 calls per minute per token (a new window starts now).</summary>
    public void ApplyKonnectLimits(int latencyMs, int rateLimitPerMinute) =>
        Konnect.SetFaults(new EmulatorFaults { LatencyMs = latencyMs, RateLimitPerMinute = rateLimitPerMinute });

    /// <summary>A namespace with the Konnect token Secret in it.</summary>
    public async Task CreateNamespaceAsync(string name, CancellationToken cancellationToken)
    {
        await Kubernetes.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, cancellationToken: cancellationToken);
        await Client.CreateAsync(
            new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = TokenSecretName, NamespaceProperty = name, Labels = new Dictionary<string, string> { ["identity.konghq.com/referenceable"] = "true" } },
                Data = new Dictionary<string, byte[]> { ["token"] = Encoding.UTF8.GetBytes(Token) },
            },
            cancellationToken);
    }

    /// <summary>
    /// <paramref name="count"/> Secrets of <paramref name="bytes"/> bytes each in namespace <paramref name="name"/>,
    /// unrelated to the operator (no label or reference of its), created with up to 8 requests in flight.
    /// </summary>
    public async Task CreateUnrelatedSecretsAsync(string name, int count, int bytes, CancellationToken cancellationToken)
    {
        await Kubernetes.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, cancellationToken: cancellationToken);
        var payload = new byte[bytes];
        new Random(count).NextBytes(payload);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) => await Client.CreateAsync(
                new V1Secret
                {
                    Metadata = new V1ObjectMeta { Name = $"unrelated-{i:D5}", NamespaceProperty = name, Labels = new Dictionary<string, string> { ["app"] = "unrelated" } },
                    Data = new Dictionary<string, byte[]> { ["payload"] = payload },
                },
                ct));
    }

    public async ValueTask DisposeAsync()
    {
        Kubernetes.Dispose();
        await Konnect.DisposeAsync();
        await KubeApi.DisposeAsync();
        File.Delete(Kubeconfig);
    }

    private async Task InstallCrdsAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(repositoryRoot, "config", "crds"), "identity.konghq.com_*.yaml").Order(StringComparer.Ordinal))
        {
            var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await File.ReadAllTextAsync(file, cancellationToken));
            await Kubernetes.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: cancellationToken);
        }
    }

    private async Task SeedServicesAsync(int count, CancellationToken cancellationToken)
    {
        var controlPlane = Konnect.Snapshot().FindControlPlane("quickstart") ?? throw new InvalidOperationException("The emulator did not seed control plane quickstart.");
        using var http = new HttpClient { BaseAddress = Konnect.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        for (var i = 0; i < count; i++)
        {
            using var response = await http.PostAsJsonAsync(
                $"v2/control-planes/{controlPlane.Id}/core-entities/services",
                new Dictionary<string, string> { ["name"] = ServiceName(i), ["url"] = $"http://upstream-{i}.example.internal/" },
                cancellationToken);
            response.EnsureSuccessStatusCode();
        }
    }
}
