using KongIdentityOperator.Sandbox.Konnect.State;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>Lookups for core entities (404 <c>{"message":"Not Found"}</c>). Call with the store's gate held.</summary>
internal static class CoreLookups
{
    public static ControlPlaneNode RequireControlPlane(this EmulatorStore store, Guid controlPlaneId, bool write)
    {
        if (!store.ControlPlanes.TryGetValue(controlPlaneId, out var node))
        {
            throw CoreEntityException.NotFound();
        }

        return write && node.Entity.IsReadOnly
            ? throw CoreEntityException.UsageConstraint("operation not permitted on KIC cluster")
            : node;
    }

    /// <summary>A service by id or by name.</summary>
    public static GatewayService? FindService(this ControlPlaneNode node, string idOrName) =>
        Guid.TryParseExact(idOrName, "D", out var id)
            ? node.Services.GetValueOrDefault(id)
            : node.Services.Values.FirstOrDefault(s => s.Name == idOrName);

    /// <summary>A route by id or by name.</summary>
    public static GatewayRoute? FindRoute(this ControlPlaneNode node, string idOrName) =>
        Guid.TryParseExact(idOrName, "D", out var id)
            ? node.Routes.GetValueOrDefault(id)
            : node.Routes.Values.FirstOrDefault(r => r.Name == idOrName);

    public static GatewayService RequireService(this ControlPlaneNode node, string idOrName) =>
        node.FindService(idOrName) ?? throw CoreEntityException.NotFound();

    public static GatewayRoute RequireRoute(this ControlPlaneNode node, string idOrName) =>
        node.FindRoute(idOrName) ?? throw CoreEntityException.NotFound();
}
