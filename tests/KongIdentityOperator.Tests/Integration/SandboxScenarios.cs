using KongIdentityOperator.Tests.Integration.Harness;

namespace KongIdentityOperator.Tests.Integration;

/// <summary>The end-to-end scenarios against the sandbox's in-memory API server.</summary>
public sealed class SandboxScenarios : OperatorScenarios
{
    protected override async Task<ICluster> CreateClusterAsync(CancellationToken cancellationToken) =>
        await SandboxCluster.StartAsync(cancellationToken);
}
