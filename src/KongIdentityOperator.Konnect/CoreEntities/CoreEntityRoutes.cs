using KongIdentityOperator.Konnect.Http;

namespace KongIdentityOperator.Konnect.CoreEntities;

/// <summary>Paths under <c>/v2/control-planes/{controlPlaneId}/core-entities</c>.</summary>
internal static class CoreEntityRoutes
{
    public static KonnectRoute Root(string controlPlaneId) =>
        KonnectRoute.Of("/v2/control-planes/{controlPlaneId}/core-entities", controlPlaneId);

    public static KonnectRoute Plugins(string controlPlaneId, PluginScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var root = Root(controlPlaneId);
        var parent = scope.Kind switch
        {
            PluginScopeKind.Service => root.Append("/services/{serviceIdOrName}", scope.ParentIdOrName!),
            PluginScopeKind.Route => root.Append("/routes/{routeIdOrName}", scope.ParentIdOrName!),
            _ => root,
        };
        return parent.Append("/plugins");
    }

    public static KonnectRoute Plugin(string controlPlaneId, PluginScope scope, string pluginId) =>
        Plugins(controlPlaneId, scope).Append("/{pluginId}", pluginId);
}
