using KongIdentityOperator.Sandbox.Konnect.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary><c>/v2/control-planes/{controlPlaneId}/core-entities/routes[/{routeId}]</c>.</summary>
internal static class RouteEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v2/control-planes/{controlPlaneId}/core-entities/routes");
        group.MapGet("", List);
        group.MapPost("", CreateAsync);
        group.MapGet("/{routeId}", Get);
        group.MapPut("/{routeId}", UpsertAsync);
        group.MapDelete("/{routeId}", Delete);
    }

    private static IResult List(string controlPlaneId, HttpRequest request, RouteOperations operations) =>
        Results.Json(
            CoreListing.Page(request, operations.List(CoreIds.ControlPlane(controlPlaneId)), r => r.Name, r => r.Tags, GatewayRouteResponse.From),
            EmulatorJsonContext.Default.CorePageGatewayRouteResponse);

    private static async Task<IResult> CreateAsync(string controlPlaneId, HttpRequest request, RouteOperations operations, CancellationToken cancellationToken)
    {
        var planeId = CoreIds.ControlPlane(controlPlaneId);
        var body = await CoreValidation.ReadAsync(request, cancellationToken);
        var route = operations.Create(planeId, GatewayRouteReader.Read(body, pathId: null));
        return Results.Json(GatewayRouteResponse.From(route), EmulatorJsonContext.Default.GatewayRouteResponse, statusCode: StatusCodes.Status201Created);
    }

    private static IResult Get(string controlPlaneId, string routeId, RouteOperations operations) =>
        Results.Json(GatewayRouteResponse.From(operations.Get(CoreIds.ControlPlane(controlPlaneId), routeId)), EmulatorJsonContext.Default.GatewayRouteResponse);

    private static async Task<IResult> UpsertAsync(string controlPlaneId, string routeId, HttpRequest request, RouteOperations operations, CancellationToken cancellationToken)
    {
        var planeId = CoreIds.ControlPlane(controlPlaneId);
        var body = await CoreValidation.ReadAsync(request, cancellationToken);
        var pathId = Guid.TryParseExact(routeId, "D", out var id) ? id : (Guid?)null;
        var route = operations.Upsert(planeId, routeId, GatewayRouteReader.Read(body, pathId));
        return Results.Json(GatewayRouteResponse.From(route), EmulatorJsonContext.Default.GatewayRouteResponse);
    }

    private static IResult Delete(string controlPlaneId, string routeId, RouteOperations operations)
    {
        operations.Delete(CoreIds.ControlPlane(controlPlaneId), routeId);
        return Results.NoContent();
    }
}
