using k8s;

namespace KongIdentityOperator.Tests.Integration.Harness;

/// <summary>A Kubernetes API the scenarios run against: the sandbox's in-memory server, or a real k3s.</summary>
public interface ICluster : IAsyncDisposable
{
    string Name { get; }

    KubernetesClientConfiguration Configuration { get; }

    /// <summary>Writes a kubeconfig file for this cluster, for an operator started as a child process.</summary>
    void WriteKubeconfig(string path);
}
