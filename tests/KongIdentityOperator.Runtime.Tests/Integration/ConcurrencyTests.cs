using KongIdentityOperator.Runtime.Metrics;
using KongIdentityOperator.Runtime.Reconciliation;
using KongIdentityOperator.Runtime.Tests.TestEntities;
using Microsoft.Extensions.DependencyInjection;

namespace KongIdentityOperator.Runtime.Tests.Integration;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task No_more_than_the_configured_number_of_reconciles_run_at_once()
    {
        await using var cluster = await TestCluster.StartAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var host = await cluster.StartGatedOperatorAsync(gate);
        var metrics = host.Services.GetRequiredService<MetricsRegistry>();

        for (var i = 0; i < 6; i++)
        {
            await cluster.CreateWidgetAsync($"w{i}");
        }

        await Eventually.TrueAsync(() => host.Recorder.InFlight == 2, "two reconciles in flight");
        await Eventually.TrueAsync(
            async () => (await metrics.ExportAsync(TestContext.Current.CancellationToken)).Contains("workqueue_depth{controller=\"widget\",name=\"widget\"} 4", StringComparison.Ordinal),
            "the other four waiting in the queue");
        Assert.Contains("controller_runtime_active_workers{controller=\"widget\"} 2", await metrics.ExportAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(2, host.Recorder.Calls.Count);

        gate.SetResult();

        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync") == 6, "all six reconciles");
        Assert.Equal(2, host.Recorder.MaxInFlight);
    }

    [Fact]
    public async Task One_object_is_never_reconciled_twice_at_once()
    {
        await using var cluster = await TestCluster.StartAsync();
        var release = new SemaphoreSlim(0);
        var host = await cluster.StartOperatorAsync(
            register: b => b.AddController<WidgetController, Widget>(o => o.MaxConcurrentReconciles = 4),
            behave: b => b.Reconcile = async (w, _, ct) =>
            {
                await release.WaitAsync(ct);
                return ReconciliationResult<Widget>.Success(w);
            });

        await cluster.CreateWidgetAsync("a", "v0");
        await Eventually.TrueAsync(() => host.Recorder.InFlight == 1, "the first reconcile in flight");

        // Three updates while the first reconcile runs collapse into one more reconcile, of the latest version.
        for (var i = 1; i <= 3; i++)
        {
            await cluster.UpdateSpecAsync("a", $"v{i}");
        }

        await Eventually.TrueAsync(() => host.Widgets.Get("default", "a")?.Spec.Value == "v3", "the cache to see the last update");
        release.Release(10);

        await Eventually.TrueAsync(() => host.Recorder.Calls.Any(c => c.SpecValue == "v3"), "a reconcile of the latest version");
        await cluster.CreateWidgetAsync("fence");
        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/fence") == 1, "the fence object");

        Assert.Equal(1, host.Recorder.MaxInFlightPerKey);
        Assert.Equal(["v0", "v3"], host.Recorder.Calls.Where(c => c.Key == "default/a").Select(c => c.SpecValue));
    }
}
