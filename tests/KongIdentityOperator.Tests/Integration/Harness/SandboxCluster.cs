using k8s;
using KongIdentityOperator.Sandbox.KubeApi;

namespace KongIdentityOperator.Tests.Integration.Harness;

/// <summary>The sandbox's in-memory Kubernetes API server, in-process on a free loopback port.</summary>
public sealed class SandboxCluster(KubeApiServer server) : ICluster
{
    public string Name => "sandbox";

    public KubeApiServer Server { get; } = server;

    public KubernetesClientConfiguration Configuration { get; } = new() { Host = server.BaseAddress.ToString() };

    public void WriteKubeconfig(string path) => Server.WriteKubeconfig(path);

    public static async Task<SandboxCluster> StartAsync(CancellationToken cancellationToken) =>
        new(await KubeApiServer.StartAsync(new KubeApiServerOptions(), cancellationToken));

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
