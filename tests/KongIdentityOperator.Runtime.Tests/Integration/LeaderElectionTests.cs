using k8s.Models;
using KongIdentityOperator.Runtime.Builder;
using KongIdentityOperator.Runtime.Queue;
using KongIdentityOperator.Runtime.Reconciliation;
using KongIdentityOperator.Runtime.Tests.TestEntities;
using Microsoft.Extensions.DependencyInjection;

namespace KongIdentityOperator.Runtime.Tests.Integration;

public sealed class LeaderElectionTests
{
    private const string Lease = "runtime-tests-leader";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Action<OperatorSettings> Elect(string identity) => s =>
    {
        s.LeaderElection.Enabled = true;
        s.LeaderElection.Identity = identity;
        s.LeaderElection.LeaseNamespace = "default";
        s.LeaderElection.LeaseDuration = TimeSpan.FromSeconds(2);
        s.LeaderElection.RenewDeadline = TimeSpan.FromSeconds(1.5);
        s.LeaderElection.RetryPeriod = TimeSpan.FromMilliseconds(250);
    };

    private static async Task<string?> HolderAsync(TestCluster cluster) =>
        (await cluster.Client.GetAsync<V1Lease>(Lease, "default", Token))?.Spec?.HolderIdentity;

    [Fact]
    public async Task Only_the_leader_reconciles_and_a_warm_standby_takes_over_when_it_stops()
    {
        await using var cluster = await TestCluster.StartAsync();
        var first = await cluster.StartOperatorAsync(Elect("first"));
        await Eventually.TrueAsync(async () => await HolderAsync(cluster) == "first", "the first replica to lead");
        var second = await cluster.StartOperatorAsync(Elect("second"));

        await cluster.CreateWidgetAsync("a");
        await cluster.CreateWidgetAsync("b");
        await Eventually.TrueAsync(() => first.Recorder.Count("ReconcileAsync") == 2, "the leader to reconcile both");
        await Eventually.TrueAsync(() => second.Widgets.List().Count == 2, "the standby's cache to hold both");
        Assert.Empty(second.Recorder.Calls);
        Assert.Equal("first", await HolderAsync(cluster));
        var standbyQueue = second.Services.GetRequiredService<EntityQueue<Widget>>();
        Assert.False(await standbyQueue(Widget.Create("default", "a"), ReconciliationType.Modified, ReconciliationTriggerSource.Operator, TimeSpan.Zero, 0, Token));

        await first.StopAsync();

        // The stopped leader released the lease on its way out instead of letting it expire.
        Assert.NotEqual("first", await HolderAsync(cluster));

        await Eventually.TrueAsync(() => second.Recorder.Count("ReconcileAsync") == 2, "the standby to take over every object");
        Assert.Equal("second", await HolderAsync(cluster));
        await cluster.CreateWidgetAsync("c");
        await Eventually.TrueAsync(() => second.Recorder.Count("ReconcileAsync", "default/c") == 1, "the new leader to reconcile new objects");
        Assert.Equal(0, first.Recorder.Count("ReconcileAsync", "default/c"));
    }

    [Fact]
    public async Task Losing_the_lease_cancels_in_flight_work_and_leadership_is_regained_later()
    {
        await using var cluster = await TestCluster.StartAsync();
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var host = await cluster.StartOperatorAsync(Elect("solo"), behave: b => b.Reconcile = async (w, _, ct) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    cancelled.TrySetResult();
                    throw;
                }
            }

            return ReconciliationResult<Widget>.Success(w);
        });
        await Eventually.TrueAsync(async () => await HolderAsync(cluster) == "solo", "the replica to lead");
        await cluster.CreateWidgetAsync("a");
        await Eventually.TrueAsync(() => host.Recorder.InFlight == 1, "a reconcile in flight");

        // Every lease renewal now fails, so the replica must give up leadership within its renew deadline.
        cluster.Api.Hooks.FailNextWrites(int.MaxValue, 500);
        await cancelled.Task.WaitAsync(Eventually.DefaultTimeout, Token);
        await Eventually.TrueAsync(() => host.Recorder.InFlight == 0, "the cancelled reconcile to end");

        cluster.Api.Hooks.FailNextWrites(0);
        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/a") == 2, "a reconcile after leadership is regained");
    }
}
