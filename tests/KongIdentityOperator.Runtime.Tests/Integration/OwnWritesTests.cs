using System.Collections.Concurrent;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Hosting;
using KongIdentityOperator.Runtime.Reconciliation;
using KongIdentityOperator.Runtime.Tests.TestEntities;
using Microsoft.Extensions.DependencyInjection;

namespace KongIdentityOperator.Runtime.Tests.Integration;

public sealed class OwnWritesTests
{
    [Fact]
    public async Task A_reconcile_right_after_a_status_write_starts_from_that_write_though_the_watch_lags()
    {
        await using var cluster = await TestCluster.StartAsync();
        var seen = new ConcurrentQueue<string?>();
        var host = await cluster.StartOperatorAsync(behave: b => b.Reconcile = async (w, services, ct) =>
        {
            seen.Enqueue(w.Status.Message);
            if (w.Status.Message is not null)
            {
                return ReconciliationResult<Widget>.Success(w);
            }

            // The watch is cut and its reconnection slowed, so the cache hears of the write a second late at the
            // earliest; the requeue comes at once.
            cluster.Api.Hooks.SetLatency(TimeSpan.FromSeconds(1));
            cluster.Api.Hooks.DropAllWatches();
            var written = await services.GetRequiredService<IKubernetesClient>().UpdateStatusAsync(w, x => x.Status.Message = "written", cancellationToken: ct);
            cluster.Api.Hooks.SetLatency(TimeSpan.Zero);
            return ReconciliationResult<Widget>.Success(written, TimeSpan.Zero);
        });

        await cluster.CreateWidgetAsync("a");

        await Eventually.TrueAsync(() => seen.Count >= 2, "the second reconcile");
        Assert.Equal([null, "written"], seen.Take(2));
        await Eventually.TrueAsync(() => host.Widgets.Get("default", "a")?.Status.Message == "written", "the cache catching up");

        // Once the cache holds the write, the reconciler keeps nothing of it.
        var reconciler = host.Services.GetRequiredService<ControllerHostedService<Widget>>().Reconciler;
        await Eventually.TrueAsync(() => reconciler.PendingOwnWrites == 0, "the own write forgotten");
    }
}
