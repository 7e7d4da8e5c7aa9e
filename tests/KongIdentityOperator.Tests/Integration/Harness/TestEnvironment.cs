using System.Text;
using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Builder;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Sandbox.Konnect;
using Microsoft.Extensions.DependencyInjection;

namespace KongIdentityOperator.Tests.Integration.Harness;

/// <summary>
/// A cluster with the generated CRDs installed, a Konnect emulator (control plane quickstart with the tutorial's
/// service and route), and clients for both. One per test, which works in a namespace of its own.
/// </summary>
public sealed class TestEnvironment : IAsyncDisposable
{
    public const string KonnectToken = "kpat_integration_token";
    public const string TokenSecretName = "konnect-token";

    private readonly ServiceProvider _services;
    private readonly bool _disposeCluster;

    private TestEnvironment(ClusterLease lease, KonnectEmulator konnect)
    {
        var cluster = lease.Cluster;
        Cluster = cluster;
        _disposeCluster = lease.DisposeWithEnvironment;
        Konnect = konnect;
        var services = new ServiceCollection();
        services.AddSingleton(cluster.Configuration);
        services.AddKubernetesOperator();
        _services = services.BuildServiceProvider();
        Kubernetes = _services.GetRequiredService<IKubernetes>();
        Client = _services.GetRequiredService<IKubernetesClient>();
    }

    public ICluster Cluster { get; }

    public KonnectEmulator Konnect { get; }

    public IKubernetes Kubernetes { get; }

    public IKubernetesClient Client { get; }

    public static async Task<TestEnvironment> StartAsync(ClusterLease cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var konnect = await KonnectEmulator.StartAsync(new KonnectEmulatorOptions { Tokens = [KonnectToken], SeedTutorial = true }, cancellationToken);
        var environment = new TestEnvironment(cluster, konnect);
        await environment.InstallCrdsAsync(cancellationToken);
        return environment;
    }

    /// <summary>A fresh namespace with the Konnect token Secret in it.</summary>
    public async Task<string> CreateNamespaceAsync(CancellationToken cancellationToken, string token = KonnectToken)
    {
        var name = "t-" + Guid.NewGuid().ToString("N")[..10];
        await Kubernetes.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, cancellationToken: cancellationToken);
        await Client.CreateAsync(
            new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = TokenSecretName, NamespaceProperty = name, Labels = new Dictionary<string, string> { ["identity.konghq.com/referenceable"] = "true" } },
                Data = new Dictionary<string, byte[]> { ["token"] = Encoding.UTF8.GetBytes(token) },
            },
            cancellationToken);
        return name;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Konnect.DisposeAsync();
        if (_disposeCluster)
        {
            await Cluster.DisposeAsync();
        }
    }

    private async Task InstallCrdsAsync(CancellationToken cancellationToken)
    {
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("config", "crds"), "identity.konghq.com_*.yaml").Order(StringComparer.Ordinal))
        {
            var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await File.ReadAllTextAsync(file, cancellationToken));
            try
            {
                await Kubernetes.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: cancellationToken);
            }
            catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                // A shared cluster: an earlier test of the class installed the same generated CRDs.
            }
        }

        // A kind is usable once its CRD says Established.
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("config", "crds"), "identity.konghq.com_*.yaml"))
        {
            var name = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await File.ReadAllTextAsync(file, cancellationToken)).Metadata.Name;
            await Eventually.TrueAsync(
                async () => (await Kubernetes.ApiextensionsV1.ReadCustomResourceDefinitionAsync(name, cancellationToken: cancellationToken))
                    .Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") == true,
                $"CRD {name} established");
        }
    }
}
