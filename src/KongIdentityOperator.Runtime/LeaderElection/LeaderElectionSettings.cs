namespace KongIdentityOperator.Runtime.LeaderElection;

/// <summary>Leader election on a <c>coordination.k8s.io/v1</c> Lease (durations as in client-go's defaults).</summary>
public sealed class LeaderElectionSettings
{
    public bool Enabled { get; set; }

    /// <summary>The Lease's name; defaults to <c>{operator name}-leader</c>.</summary>
    public string? LeaseName { get; set; }

    /// <summary>The Lease's namespace; defaults to the client configuration's namespace (in-cluster: the pod's), else <c>default</c>.</summary>
    public string? LeaseNamespace { get; set; }

    /// <summary>This replica's identity in the Lease; defaults to the host name plus a random suffix.</summary>
    public string? Identity { get; set; }

    /// <summary>How long a lease is valid without renewal (others wait this long before taking over).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps trying to renew before it gives up leadership.</summary>
    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Interval between acquire or renew attempts.</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);
}
