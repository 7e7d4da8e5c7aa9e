namespace KongIdentityOperator.Sandbox.Konnect;

/// <summary>A control plane with its gateway services, routes and plugins.</summary>
public sealed record ControlPlaneSnapshot(
    string Id,
    string Name,
    string ClusterType,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<GatewayServiceSnapshot> Services,
    IReadOnlyList<RouteSnapshot> Routes,
    IReadOnlyList<PluginSnapshot> Plugins);
