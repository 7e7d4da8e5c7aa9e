using k8s;
using KongIdentityOperator.Tests.Integration.Harness;

namespace KongIdentityOperator.Tests.Live;

/// <summary>The cluster of <c>KUBECONFIG</c> (its current context): a real one, or the sandbox exported the same way.</summary>
public sealed class LiveCluster(KubernetesClientConfiguration configuration, string context, string kubeconfigPath) : ICluster
{
    public string Name => context;

    public KubernetesClientConfiguration Configuration { get; } = configuration;

    public void WriteKubeconfig(string path) => File.Copy(kubeconfigPath, path, overwrite: true);

    public static async Task<LiveCluster> LoadAsync(string kubeconfigPath)
    {
        var file = new FileInfo(kubeconfigPath);
        var config = await KubernetesClientConfiguration.LoadKubeConfigAsync(file);
        var configuration = await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(file);
        return new LiveCluster(configuration, config.CurrentContext ?? "(no current context)", file.FullName);
    }

    /// <summary>Nothing to stop: the cluster outlives the suite, only what the suite made is removed (<see cref="LiveJanitor"/>).</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
