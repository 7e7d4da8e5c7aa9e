using k8s;
using KongIdentityOperator.Sandbox.KubeApi;
using KongIdentityOperator.Tests.Integration.Harness;

namespace KongIdentityOperator.Tests.Deploy;

/// <summary>
/// What a user gets from <c>kubectl apply -k config/default</c>: the overlay rendered with <c>kubectl kustomize</c>
/// and applied with <c>kubectl apply -f -</c> to a fresh in-memory API server, once per test class.
/// </summary>
public sealed class InstalledDefault : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "kio-deploy-" + Guid.NewGuid().ToString("N"));
    private KubeApiServer? _server;

    public string Rendered { get; private set; } = string.Empty;

    /// <summary>What the first <c>kubectl apply</c> printed, one line per object.</summary>
    public string ApplyOutput { get; private set; } = string.Empty;

    public string KubeconfigPath => Path.Combine(_directory, "kubeconfig");

    public IKubernetes Kubernetes { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(_directory);
        _server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), cancellationToken);
        _server.WriteKubeconfig(KubeconfigPath);
        Kubernetes = new Kubernetes(new KubernetesClientConfiguration { Host = _server.BaseAddress.ToString() });
        Rendered = await Kubectl.SucceedAsync(["kustomize", RepositoryRoot.Combine("config", "default")], null, cancellationToken);
        ApplyOutput = await ApplyAsync(serverSide: false, cancellationToken);
    }

    public Task<string> ApplyAsync(bool serverSide, CancellationToken cancellationToken)
    {
        List<string> arguments = ["apply", "-f", "-", "--kubeconfig", KubeconfigPath];
        if (serverSide)
        {
            arguments.Add("--server-side");
        }

        return Kubectl.SucceedAsync(arguments, Rendered, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Kubernetes?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
