using k8s;
using KongIdentityOperator.Sandbox.KubeApi;
using KongIdentityOperator.Tests.Integration.Harness;

namespace KongIdentityOperator.Tests.Deploy;

/// <summary>
/// What a user gets from a release's <c>install.yaml</c> (or <c>kubectl apply -k config/default</c>, the same objects):
/// <c>make install-yaml</c> renders config/default with <c>kubectl kustomize</c>, and the file is applied with
/// <c>kubectl apply -f -</c> to a fresh in-memory API server, once per test class.
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

    public KubernetesClientConfiguration Configuration { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(_directory);
        _server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), cancellationToken);
        _server.WriteKubeconfig(KubeconfigPath);
        Configuration = new KubernetesClientConfiguration { Host = _server.BaseAddress.ToString() };
        Kubernetes = new Kubernetes(Configuration);
        var make = await ChildProcess.RunAsync("make", ["-s", "-C", RepositoryRoot.Path, "install-yaml", $"RELEASE_DIR={_directory}"], cancellationToken: cancellationToken);
        Assert.True(make.ExitCode == 0, $"make install-yaml exited {make.ExitCode}:\n{make.Error}\n{make.Output}");
        Rendered = await File.ReadAllTextAsync(Path.Combine(_directory, "install.yaml"), cancellationToken);
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
