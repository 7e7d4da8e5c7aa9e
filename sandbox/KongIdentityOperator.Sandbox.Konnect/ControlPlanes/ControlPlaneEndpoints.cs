using KongIdentityOperator.Sandbox.Konnect.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KongIdentityOperator.Sandbox.Konnect.ControlPlanes;

/// <summary><c>/v2/control-planes[/{controlPlaneId}]</c>.</summary>
internal static class ControlPlaneEndpoints
{
    private static readonly ListDefinition<ControlPlane> Listing = new(
        new ListField<ControlPlane>("name", c => c.Name, ["eq", "neq", "contains"], Sortable: false),
        new ListField<ControlPlane>("id", c => c.Id.ToString(), ["eq", "oeq"], Sortable: false),
        new ListField<ControlPlane>("cluster_type", c => c.ClusterType, ["eq", "neq", "oeq"], Sortable: false),
        ListFields.Boolean<ControlPlane>("cloud_gateway", c => c.CloudGateway),
        ListFields.Time<ControlPlane>("created_at", c => c.CreatedAt));

    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v2/control-planes");
        group.MapGet("", List);
        group.MapPost("", CreateAsync);
        group.MapGet("/{controlPlaneId}", Get);
        group.MapPatch("/{controlPlaneId}", UpdateAsync);
        group.MapDelete("/{controlPlaneId}", Delete);
    }

    /// <summary>Besides <c>filter[…]</c>, <c>labels=key:value,key2</c> keeps planes having every listed label.</summary>
    private static IResult List(HttpRequest request, ControlPlaneService service)
    {
        var labels = request.Query["labels"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var planes = service.List().Where(p => labels.All(l => ListFields.MatchesLabel(p.Labels, l))).ToList();
        return Results.Json(Listing.Page(request.Query, planes, ControlPlaneResponse.From), EmulatorJsonContext.Default.ListResponseControlPlaneResponse);
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, ControlPlaneService service, CancellationToken cancellationToken)
    {
        var body = await JsonBodyReader.ReadAsync(request, cancellationToken);
        var plane = service.Create(ControlPlaneChanges.Read(body, create: true));
        return Results.Json(ControlPlaneResponse.From(plane), EmulatorJsonContext.Default.ControlPlaneResponse, statusCode: StatusCodes.Status201Created);
    }

    private static IResult Get(string controlPlaneId, ControlPlaneService service) =>
        Results.Json(ControlPlaneResponse.From(service.Get(PathIds.Uuid(controlPlaneId, "controlPlaneId"))), EmulatorJsonContext.Default.ControlPlaneResponse);

    private static async Task<IResult> UpdateAsync(string controlPlaneId, HttpRequest request, ControlPlaneService service, CancellationToken cancellationToken)
    {
        var id = PathIds.Uuid(controlPlaneId, "controlPlaneId");
        var body = await JsonBodyReader.ReadAsync(request, cancellationToken);
        var plane = service.Update(id, ControlPlaneChanges.Read(body, create: false));
        return Results.Json(ControlPlaneResponse.From(plane), EmulatorJsonContext.Default.ControlPlaneResponse);
    }

    private static IResult Delete(string controlPlaneId, ControlPlaneService service)
    {
        service.Delete(PathIds.Uuid(controlPlaneId, "controlPlaneId"));
        return Results.NoContent();
    }
}
