using KongIdentityOperator.Runtime.Watcher;
using Microsoft.Extensions.Hosting;

namespace KongIdentityOperator.Runtime.Hosting;

/// <summary>
/// Starts every informer (watch + cache) regardless of leadership, so that standby replicas keep warm caches and
/// take over without a cold start. Registered first, so it stops last.
/// </summary>
internal sealed class InformersHostedService(IEnumerable<IResourceInformer> informers) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var informer in informers)
        {
            informer.Start(CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    // Stopping cancels the watch requests themselves, so this ends promptly even when the shutdown timeout has run out.
    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(informers.Select(i => i.StopAsync()));
}
