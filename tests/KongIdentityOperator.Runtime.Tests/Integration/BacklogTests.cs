using KongIdentityOperator.Runtime.Queue;
using KongIdentityOperator.Runtime.Reconciliation;
using KongIdentityOperator.Runtime.Tests.TestEntities;
using Microsoft.Extensions.DependencyInjection;

namespace KongIdentityOperator.Runtime.Tests.Integration;

public sealed class BacklogTests
{
    [Fact]
    public async Task The_backlog_shows_what_the_controller_is_about_to_reconcile()
    {
        await using var cluster = await TestCluster.StartAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var host = await cluster.StartGatedOperatorAsync(gate);
        var backlog = host.Services.GetRequiredService<IEntityBacklog<Widget>>();
        EntityKey[] keys = [.. Enumerable.Range(0, 6).Select(i => new EntityKey("default", $"w{i}"))];

        foreach (var key in keys)
        {
            await cluster.CreateWidgetAsync(key.Name);
        }

        // Two in flight and four queued all count; an object that is not there does not.
        await Eventually.TrueAsync(() => host.Recorder.InFlight == 2 && backlog.CountPending(keys) == 6, "six pending");
        Assert.Equal(6, backlog.CountPending([.. keys, new EntityKey("default", "ghost")]));

        gate.SetResult();

        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync") == 6 && backlog.CountPending(keys) == 0, "nothing pending");
    }
}
