using KongIdentityOperator.Runtime.Hosting;
using KongIdentityOperator.Runtime.Reconciliation;
using KongIdentityOperator.Runtime.Tests.TestEntities;
using Microsoft.Extensions.DependencyInjection;

namespace KongIdentityOperator.Runtime.Tests.Integration;

public sealed class ShutdownTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stopping_drains_in_flight_reconciles_and_takes_no_new_work()
    {
        await using var cluster = await TestCluster.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var outcome = "none";
        var host = await cluster.StartOperatorAsync(
            register: b => b.AddController<WidgetController, Widget>(o => o.MaxConcurrentReconciles = 1),
            behave: b => b.Reconcile = async (w, _, ct) =>
            {
                if (w.Metadata.Name == "a")
                {
                    try
                    {
                        await release.Task.WaitAsync(ct);
                        outcome = "completed";
                    }
                    catch (OperationCanceledException)
                    {
                        outcome = "cancelled";
                        throw;
                    }
                }

                return ReconciliationResult<Widget>.Success(w);
            });
        var controller = host.Services.GetRequiredService<ControllerHostedService<Widget>>();

        await cluster.CreateWidgetAsync("a");
        await Eventually.TrueAsync(() => host.Recorder.InFlight == 1, "the reconcile of a in flight");
        await cluster.CreateWidgetAsync("b");
        await Eventually.TrueAsync(() => controller.Queue.Count == 1, "b waiting in the queue");

        var stopping = host.StopAsync();
        await Eventually.TrueAsync(() => controller.IsStopping, "the controller to stop taking work");
        Assert.False(stopping.IsCompleted);

        release.SetResult();
        await stopping.WaitAsync(Eventually.DefaultTimeout, Token);

        Assert.Equal("completed", outcome);
        Assert.Equal(0, host.Recorder.Count("ReconcileAsync", "default/b"));
    }

    [Fact]
    public async Task In_flight_reconciles_are_cancelled_when_the_shutdown_timeout_runs_out()
    {
        await using var cluster = await TestCluster.StartAsync();
        var outcome = "none";
        var host = await cluster.StartOperatorAsync(
            behave: b => b.Reconcile = async (w, _, ct) =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    outcome = "cancelled";
                    throw;
                }

                return ReconciliationResult<Widget>.Success(w);
            },
            shutdownTimeout: TimeSpan.FromMilliseconds(300));

        await cluster.CreateWidgetAsync("a");
        await Eventually.TrueAsync(() => host.Recorder.InFlight == 1, "a reconcile in flight");

        await host.StopAsync().WaitAsync(Eventually.DefaultTimeout, Token);

        Assert.Equal("cancelled", outcome);
    }
}
