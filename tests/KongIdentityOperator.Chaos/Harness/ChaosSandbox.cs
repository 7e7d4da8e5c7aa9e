using System.Text;
using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Sandbox.Konnect;
using KongIdentityOperator.Sandbox.KubeApi;

namespace KongIdentityOperator.Chaos.Harness;

/// <summary>
/// The outside world in the test process: the in-memory Kubernetes API server (with the generated CRDs installed and a
/// kubeconfig for the operator) and the Konnect emulator (control plane quickstart with the tutorial's service and
/// route), plus a client for each.
/// </summary>
internal sealed class ChaosSandbox : IAsyncDisposable
{
    public const string TokenSecretName = "konnect-token";

    /// <summary>The label that offers a Secret to the operator (README "Security").</summary>
    public const string ReferenceableLabel = "identity.konghq.com/referenceable";

    private ChaosSandbox(KubeApiServer kube, KonnectEmulator konnect, string kubeconfig)
    {
        Kube = kube;
        Konnect = konnect;
        Kubeconfig = kubeconfig;
        Kubernetes = new Kubernetes(new KubernetesClientConfiguration { Host = kube.BaseAddress.ToString() }, new SuiteUserAgent());
        Client = new KubernetesEntityClient(Kubernetes);
    }

    public KubeApiServer Kube { get; }

    public KonnectEmulator Konnect { get; }

    public string Kubeconfig { get; }

    public IKubernetes Kubernetes { get; }

    public IKubernetesClient Client { get; }

    /// <param name="tokens">The Konnect tokens the emulator accepts; any other token gets 401.</param>
    /// <param name="limits">Kong Identity's limits as the emulator enforces them (default: the documented ones).</param>
    public static async Task<ChaosSandbox> StartAsync(IReadOnlyList<string> tokens, WorkDirectory work, CancellationToken cancellationToken, int? seed = null, KonnectEmulatorLimits? limits = null)
    {
        var kube = await KubeApiServer.StartAsync(new KubeApiServerOptions(), cancellationToken);
        var konnect = await KonnectEmulator.StartAsync(
            new KonnectEmulatorOptions { Tokens = tokens, SeedTutorial = true, RandomSeed = seed, Limits = limits ?? KonnectEmulatorLimits.Documented }, cancellationToken);
        var kubeconfig = work.File("kubeconfig");
        kube.WriteKubeconfig(kubeconfig);
        var sandbox = new ChaosSandbox(kube, konnect, kubeconfig);
        await sandbox.InstallCrdsAsync(cancellationToken);
        return sandbox;
    }

    public OperatorLaunch Launch(WorkDirectory work, string logName) => new()
    {
        Kubeconfig = Kubeconfig,
        KonnectServerUrl = Konnect.BaseAddress,
        LogFile = work.File(logName),
    };

    /// <summary>A namespace with the Konnect token Secret <c>konnect-token</c> in it.</summary>
    public async Task CreateNamespaceAsync(string name, string token, CancellationToken cancellationToken)
    {
        await Writes.RetryAsync(
            () => Kubernetes.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, cancellationToken: cancellationToken),
            cancellationToken);
        await Writes.CreateAsync(Client, TokenSecret(name, TokenSecretName, "token", token), cancellationToken);
    }

    public static V1Secret TokenSecret(string @namespace, string name, string key, string token) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace, Labels = new Dictionary<string, string> { [ReferenceableLabel] = "true" } },
        Data = new Dictionary<string, byte[]> { [key] = Encoding.UTF8.GetBytes(token) },
    };

    public async ValueTask DisposeAsync()
    {
        Kubernetes.Dispose();
        await Konnect.DisposeAsync();
        await Kube.DisposeAsync();
    }

    private async Task InstallCrdsAsync(CancellationToken cancellationToken)
    {
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("config", "crds"), "identity.konghq.com_*.yaml").Order(StringComparer.Ordinal))
        {
            var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await File.ReadAllTextAsync(file, cancellationToken));
            var created = await Kubernetes.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: cancellationToken);
            await Poll.UntilAsync(
                async () => (await Kubernetes.ApiextensionsV1.ReadCustomResourceDefinitionAsync(created.Metadata.Name, cancellationToken: cancellationToken))
                    .Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") == true,
                $"CRD {created.Metadata.Name} established",
                TimeSpan.FromSeconds(30),
                cancellationToken);
        }
    }
}
