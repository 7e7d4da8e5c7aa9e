using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using k8s.Models;
using KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Client;

public sealed class LeaseTests
{
    [Fact]
    public async Task Lease_update_with_stale_resource_version_is_a_conflict()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        var lease = await sandbox.Client.CoordinationV1.CreateNamespacedLeaseAsync(
            new V1Lease { Metadata = new V1ObjectMeta { Name = "l" }, Spec = new V1LeaseSpec { HolderIdentity = "a" } }, "default", cancellationToken: ApiFixture.Ct);
        var stale = lease.Metadata.ResourceVersion;
        lease.Spec.HolderIdentity = "b";
        await sandbox.Client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, "l", "default", cancellationToken: ApiFixture.Ct);

        lease.Metadata.ResourceVersion = stale;
        lease.Spec.HolderIdentity = "c";
        var status = await ApiFixture.FailureAsync(() => sandbox.Client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, "l", "default", cancellationToken: ApiFixture.Ct));

        Assert.Equal("Conflict", status.Reason);
    }

    [Fact]
    public async Task LeaderElector_with_LeaseLock_elects_exactly_one_leader_and_hands_over()
    {
        await using var sandbox = await ApiFixture.StartAsync();
        using var electorA = Elector(sandbox, "a");
        using var electorB = Elector(sandbox, "b");
        using var stopA = CancellationTokenSource.CreateLinkedTokenSource(ApiFixture.Ct);
        using var stopB = CancellationTokenSource.CreateLinkedTokenSource(ApiFixture.Ct);

        var runA = electorA.RunUntilLeadershipLostAsync(stopA.Token);
        await Eventually.TrueAsync(() => Task.FromResult(electorA.IsLeader()), "a leads");
        var runB = electorB.RunUntilLeadershipLostAsync(stopB.Token);
        var lease = await sandbox.Client.CoordinationV1.ReadNamespacedLeaseAsync("leader", "default", cancellationToken: ApiFixture.Ct);
        Assert.Equal("a", lease.Spec.HolderIdentity);
        Assert.False(electorB.IsLeader());

        await stopA.CancelAsync();
        await IgnoreCancellation(runA);
        await Eventually.TrueAsync(() => Task.FromResult(electorB.IsLeader()), "b takes over after a's lease expires");

        await stopB.CancelAsync();
        await IgnoreCancellation(runB);
        Assert.Equal("b", (await sandbox.Client.CoordinationV1.ReadNamespacedLeaseAsync("leader", "default", cancellationToken: ApiFixture.Ct)).Spec.HolderIdentity);
    }

    private static LeaderElector Elector(ApiFixture sandbox, string identity) =>
        new(new LeaderElectionConfig(new LeaseLock(sandbox.Client, "default", "leader", identity))
        {
            LeaseDuration = TimeSpan.FromSeconds(2),
            RenewDeadline = TimeSpan.FromSeconds(1),
            RetryPeriod = TimeSpan.FromMilliseconds(200),
        });

    private static async Task IgnoreCancellation(Task run)
    {
        try
        {
            await run;
        }
        catch (OperationCanceledException)
        {
            // Stopping the elector cancels its loop.
        }
    }
}
