using KongIdentityOperator.Tests.Integration.Harness;

namespace KongIdentityOperator.Tests.Integration;

/// <summary>The same scenarios against a real k3s; skipped, with the reason, where no Docker engine runs.</summary>
public sealed class K3sScenarios : OperatorScenarios
{
    protected override async Task<ICluster> CreateClusterAsync(CancellationToken cancellationToken) =>
        await K3sCluster.StartAsync(cancellationToken);
}
