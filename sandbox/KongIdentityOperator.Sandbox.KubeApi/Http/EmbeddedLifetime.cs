using Microsoft.Extensions.Hosting;

namespace KongIdentityOperator.Sandbox.KubeApi.Http;

/// <summary>
/// Keeps the embedded web host from taking over the process's Ctrl+C and SIGTERM handling (the default console
/// lifetime would stop the server behind its owner's back); the owner stops it through <see cref="KubeApiServer.DisposeAsync"/>.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
