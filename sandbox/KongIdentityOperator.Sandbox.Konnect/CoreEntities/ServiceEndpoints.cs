using KongIdentityOperator.Sandbox.Konnect.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary><c>/v2/control-planes/{controlPlaneId}/core-entities/services[/{serviceId}]</c>.</summary>
internal static class ServiceEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v2/control-planes/{controlPlaneId}/core-entities/services");
        group.MapGet("", List);
        group.MapPost("", CreateAsync);
        group.MapGet("/{serviceId}", Get);
        group.MapPut("/{serviceId}", UpsertAsync);
        group.MapDelete("/{serviceId}", Delete);
    }

    private static IResult List(string controlPlaneId, HttpRequest request, ServiceOperations operations) =>
        Results.Json(
            CoreListing.Page(request, operations.List(CoreIds.ControlPlane(controlPlaneId)), s => s.Name, s => s.Tags, GatewayServiceResponse.From),
            EmulatorJsonContext.Default.CorePageGatewayServiceResponse);

    private static async Task<IResult> CreateAsync(string controlPlaneId, HttpRequest request, ServiceOperations operations, CancellationToken cancellationToken)
    {
        var planeId = CoreIds.ControlPlane(controlPlaneId);
        var body = await CoreValidation.ReadAsync(request, cancellationToken);
        var service = operations.Create(planeId, GatewayServiceReader.Read(body, pathId: null));
        return Results.Json(GatewayServiceResponse.From(service), EmulatorJsonContext.Default.GatewayServiceResponse, statusCode: StatusCodes.Status201Created);
    }

    private static IResult Get(string controlPlaneId, string serviceId, ServiceOperations operations) =>
        Results.Json(GatewayServiceResponse.From(operations.Get(CoreIds.ControlPlane(controlPlaneId), serviceId)), EmulatorJsonContext.Default.GatewayServiceResponse);

    private static async Task<IResult> UpsertAsync(string controlPlaneId, string serviceId, HttpRequest request, ServiceOperations operations, CancellationToken cancellationToken)
    {
        var planeId = CoreIds.ControlPlane(controlPlaneId);
        var body = await CoreValidation.ReadAsync(request, cancellationToken);
        var pathId = Guid.TryParseExact(serviceId, "D", out var id) ? id : (Guid?)null;
        var service = operations.Upsert(planeId, serviceId, GatewayServiceReader.Read(body, pathId));
        return Results.Json(GatewayServiceResponse.From(service), EmulatorJsonContext.Default.GatewayServiceResponse);
    }

    private static IResult Delete(string controlPlaneId, string serviceId, ServiceOperations operations)
    {
        operations.Delete(CoreIds.ControlPlane(controlPlaneId), serviceId);
        return Results.NoContent();
    }
}
