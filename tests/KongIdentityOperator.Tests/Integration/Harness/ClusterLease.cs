namespace KongIdentityOperator.Tests.Integration.Harness;

/// <summary>A cluster for one test, and whether the test's environment disposes of it (a shared one outlives the test).</summary>
public sealed record ClusterLease(ICluster Cluster, bool DisposeWithEnvironment)
{
    public static ClusterLease Owned(ICluster cluster) => new(cluster, true);

    public static ClusterLease Shared(ICluster cluster) => new(cluster, false);
}
