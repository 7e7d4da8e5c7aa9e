namespace KongIdentityOperator.Tests.Integration.Harness;

/// <summary>
/// One k3s for a whole test class (starting one takes tens of seconds), or the reason there is none: the fixture
/// never fails, so that each test can skip with that reason where no Docker engine answers.
/// </summary>
public sealed class K3sClusterFixture : IAsyncLifetime
{
    private K3sCluster? _cluster;

    public string? UnavailableReason { get; private set; }

    /// <summary>The shared cluster; skips the calling test when there is none.</summary>
    public K3sCluster Cluster
    {
        get
        {
            if (UnavailableReason is { } reason)
            {
                Assert.Skip($"k3s scenarios need a Docker engine: {reason}. The same scenarios run against the sandbox.");
            }

            return _cluster ?? throw new InvalidOperationException("The fixture has not started.");
        }
    }

    public async ValueTask InitializeAsync()
    {
        UnavailableReason = await DockerEngine.UnavailableReasonAsync(TestContext.Current.CancellationToken);
        if (UnavailableReason is null)
        {
            _cluster = await K3sCluster.StartAsync(TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
