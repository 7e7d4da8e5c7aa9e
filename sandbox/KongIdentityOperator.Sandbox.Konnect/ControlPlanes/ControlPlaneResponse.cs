namespace KongIdentityOperator.Sandbox.Konnect.ControlPlanes;

/// <summary>The <c>ControlPlane</c> schema as Konnect returns it.</summary>
internal sealed record ControlPlaneResponse(
    Guid Id,
    string Name,
    string Description,
    IReadOnlyDictionary<string, string> Labels,
    ControlPlaneConfigResponse Config,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static ControlPlaneResponse From(ControlPlane plane) => new(
        plane.Id,
        plane.Name,
        plane.Description,
        plane.Labels,
        new ControlPlaneConfigResponse(
            $"https://{plane.EndpointKey}.us.cp0.konghq.com",
            $"https://{plane.EndpointKey}.us.tp0.konghq.com",
            plane.ClusterType,
            plane.AuthType,
            plane.CloudGateway,
            plane.ProxyUrls),
        plane.CreatedAt.UtcDateTime,
        plane.UpdatedAt.UtcDateTime);
}
