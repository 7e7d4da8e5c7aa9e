namespace KongIdentityOperator.Sandbox.Konnect.ControlPlanes;

/// <summary><c>config</c> of a control plane response.</summary>
internal sealed record ControlPlaneConfigResponse(
    string ControlPlaneEndpoint,
    string TelemetryEndpoint,
    string ClusterType,
    string AuthType,
    bool CloudGateway,
    IReadOnlyList<ProxyUrl> ProxyUrls);
