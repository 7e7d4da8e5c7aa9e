using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Builder;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Sandbox.Konnect;
using KongIdentityOperator.Sandbox.KubeApi;
using KongIdentityOperator.Tests.Integration.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace KongIdentityOperator.Tests.Deploy;

/// <summary>
/// A fresh in-memory API server with the CRDs, a Konnect emulator that accepts the samples' token, and a client for
/// the test whose requests carry <see cref="TestUserAgent"/>; everything else in the server's request log is the
/// operator's. (The integration harness shares one client configuration between test and operator, hence this copy.)
/// </summary>
internal sealed class DeploySandbox : IAsyncDisposable
{
    public const string TestUserAgent = "kong-identity-deploy-tests";

    /// <summary>The token in <c>config/samples/konnect-token-secret.yaml</c>.</summary>
    public const string SampleToken = "kpat_sandbox_demo_token";

    private readonly ServiceProvider _services;

    private DeploySandbox(KubeApiServer server, KonnectEmulator konnect)
    {
        Server = server;
        Konnect = konnect;
        Configuration = new KubernetesClientConfiguration { Host = server.BaseAddress.ToString() };
        var services = new ServiceCollection();
        services.AddSingleton(Configuration);
        services.AddSingleton<IKubernetes>(new Kubernetes(Configuration, new UserAgentHandler(TestUserAgent)));
        services.AddKubernetesOperator();
        _services = services.BuildServiceProvider();
        Kubernetes = _services.GetRequiredService<IKubernetes>();
        Client = _services.GetRequiredService<IKubernetesClient>();
    }

    public KubeApiServer Server { get; }

    public KonnectEmulator Konnect { get; }

    /// <summary>How the operator reaches the API server (no User-Agent override).</summary>
    public KubernetesClientConfiguration Configuration { get; }

    public IKubernetes Kubernetes { get; }

    public IKubernetesClient Client { get; }

    public static async Task<DeploySandbox> StartAsync(CancellationToken cancellationToken)
    {
        var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), cancellationToken);
        var konnect = await KonnectEmulator.StartAsync(new KonnectEmulatorOptions { Tokens = [SampleToken], SeedTutorial = true }, cancellationToken);
        var sandbox = new DeploySandbox(server, konnect);
        await sandbox.InstallCrdsAsync(cancellationToken);
        return sandbox;
    }

    /// <summary>The requests made by anyone but the test's own client.</summary>
    public IReadOnlyList<RequestLogEntry> OperatorRequests() =>
        [.. Server.RequestLog.Where(r => r.UserAgent != TestUserAgent)];

    public Task CreateNamespaceAsync(string name, CancellationToken cancellationToken) =>
        Kubernetes.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, cancellationToken: cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Konnect.DisposeAsync();
        await Server.DisposeAsync();
    }

    private async Task InstallCrdsAsync(CancellationToken cancellationToken)
    {
        var crds = Directory.GetFiles(RepositoryRoot.Combine("config", "crds"), "identity.konghq.com_*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(file => KubernetesYaml.Deserialize<V1CustomResourceDefinition>(File.ReadAllText(file)))
            .ToList();
        foreach (var crd in crds)
        {
            await Kubernetes.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: cancellationToken);
        }

        foreach (var crd in crds)
        {
            await Eventually.TrueAsync(
                async () => (await Kubernetes.ApiextensionsV1.ReadCustomResourceDefinitionAsync(crd.Metadata.Name, cancellationToken: cancellationToken))
                    .Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") == true,
                $"CRD {crd.Metadata.Name} established");
        }
    }
}
