namespace KongIdentityOperator.Konnect.ControlPlanes;

/// <summary>The <c>config</c> of a control plane.</summary>
public sealed record ControlPlaneConfig
{
    public string? ControlPlaneEndpoint { get; init; }

    public string? TelemetryEndpoint { get; init; }

    /// <summary>e.g. <c>CLUSTER_TYPE_CONTROL_PLANE</c>; KIC-managed ones (<see cref="ClusterTypes.KubernetesIngressController"/>) reject writes.</summary>
    public string? ClusterType { get; init; }

    public string? AuthType { get; init; }

    public bool CloudGateway { get; init; }

    public IReadOnlyList<ProxyUrl> ProxyUrls { get; init; } = [];
}
