using KongIdentityOperator.Tests.Integration.Harness;

namespace KongIdentityOperator.Tests.Integration;

/// <summary>The end-to-end scenarios against the sandbox's in-memory API server.</summary>
public sealed class SandboxScenarios : OperatorScenarios
{
    // The in-memory API server starts in milliseconds: each test gets its own.
    protected override async Task<ClusterLease> CreateClusterAsync(CancellationToken cancellationToken) =>
        ClusterLease.Owned(await SandboxCluster.StartAsync(cancellationToken));
}
