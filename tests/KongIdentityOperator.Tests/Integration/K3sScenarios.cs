using KongIdentityOperator.Tests.Integration.Harness;

namespace KongIdentityOperator.Tests.Integration;

/// <summary>
/// The same scenarios against a real k3s, one cluster for the class (each test has its own namespace, operator and
/// Konnect emulator); skipped, with the reason, where no Docker engine answers.
/// </summary>
public sealed class K3sScenarios(K3sClusterFixture k3s) : OperatorScenarios, IClassFixture<K3sClusterFixture>
{
    protected override Task<ClusterLease> CreateClusterAsync(CancellationToken cancellationToken) =>
        Task.FromResult(ClusterLease.Shared(k3s.Cluster));
}
