using System.Text;
using k8s;
using Testcontainers.K3s;

namespace KongIdentityOperator.Tests.Integration.Harness;

/// <summary>
/// A real k3s in Docker (Testcontainers), started once per test class by <see cref="K3sClusterFixture"/>, which first
/// asks the Docker engine (<see cref="DockerEngine"/>): without one, the tests skip with the reason, and the same
/// scenarios run against the sandbox instead.
/// </summary>
public sealed class K3sCluster(K3sContainer container, KubernetesClientConfiguration configuration, string kubeconfig) : ICluster
{
    public const string Image = "rancher/k3s:v1.32.4-k3s1";

    public string Name => "k3s";

    public KubernetesClientConfiguration Configuration { get; } = configuration;

    public void WriteKubeconfig(string path) => File.WriteAllText(path, kubeconfig);

    public static async Task<K3sCluster> StartAsync(CancellationToken cancellationToken)
    {
        var container = new K3sBuilder(Image).Build();
        await container.StartAsync(cancellationToken);
        var kubeconfig = await container.GetKubeconfigAsync();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(kubeconfig));
        var configuration = await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(stream);
        return new K3sCluster(container, configuration, kubeconfig);
    }

    public ValueTask DisposeAsync() => container.DisposeAsync();
}
