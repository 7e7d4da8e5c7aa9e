using KongIdentityOperator.Sandbox.Konnect.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>Plugins at global scope (<c>…/core-entities/plugins</c>) and nested under services and routes (id or name).</summary>
internal static class PluginEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        MapScope(routes, "/v2/control-planes/{controlPlaneId}/core-entities/plugins", _ => null);
        MapScope(
            routes,
            "/v2/control-planes/{controlPlaneId}/core-entities/services/{serviceId}/plugins",
            request => new PluginParent(PluginParentKind.Service, (string)request.RouteValues["serviceId"]!));
        MapScope(
            routes,
            "/v2/control-planes/{controlPlaneId}/core-entities/routes/{routeId}/plugins",
            request => new PluginParent(PluginParentKind.Route, (string)request.RouteValues["routeId"]!));
    }

    private static void MapScope(IEndpointRouteBuilder routes, string prefix, Func<HttpRequest, PluginParent?> parentOf)
    {
        var group = routes.MapGroup(prefix);
        group.MapGet("", (string controlPlaneId, HttpRequest request, PluginOperations operations) =>
            Results.Json(
                CoreListing.Page(request, operations.List(CoreIds.ControlPlane(controlPlaneId), parentOf(request)), p => p.Name, p => p.Tags, PluginResponse.From),
                EmulatorJsonContext.Default.CorePagePluginResponse));
        group.MapPost("", async (string controlPlaneId, HttpRequest request, PluginOperations operations, CancellationToken cancellationToken) =>
        {
            var planeId = CoreIds.ControlPlane(controlPlaneId);
            var body = await CoreValidation.ReadAsync(request, cancellationToken);
            var plugin = operations.Create(planeId, parentOf(request), PluginReader.Read(body, pathId: null));
            return Results.Json(PluginResponse.From(plugin), EmulatorJsonContext.Default.PluginResponse, statusCode: StatusCodes.Status201Created);
        });
        group.MapGet("/{pluginId}", (string controlPlaneId, string pluginId, HttpRequest request, PluginOperations operations) =>
            Results.Json(
                PluginResponse.From(operations.Get(CoreIds.ControlPlane(controlPlaneId), parentOf(request), CoreIds.Plugin(pluginId))),
                EmulatorJsonContext.Default.PluginResponse));
        group.MapPut("/{pluginId}", async (string controlPlaneId, string pluginId, HttpRequest request, PluginOperations operations, CancellationToken cancellationToken) =>
        {
            var planeId = CoreIds.ControlPlane(controlPlaneId);
            var id = CoreIds.Plugin(pluginId);
            var body = await CoreValidation.ReadAsync(request, cancellationToken);
            var plugin = operations.Upsert(planeId, parentOf(request), PluginReader.Read(body, id));
            return Results.Json(PluginResponse.From(plugin), EmulatorJsonContext.Default.PluginResponse);
        });
        group.MapDelete("/{pluginId}", (string controlPlaneId, string pluginId, HttpRequest request, PluginOperations operations) =>
        {
            operations.Delete(CoreIds.ControlPlane(controlPlaneId), parentOf(request), CoreIds.Plugin(pluginId));
            return Results.NoContent();
        });
    }
}
