using KongIdentityOperator.Sandbox.Konnect.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary><c>/v1/auth-servers/{authServerId}/claims[/{claimId}]</c>.</summary>
internal static class ClaimEndpoints
{
    private static readonly ListDefinition<Claim> Listing = new(
        ListFields.Text<Claim>("name", c => c.Name, sortable: true),
        ListFields.Id<Claim>("id", c => c.Id.ToString()),
        ListFields.Time<Claim>("created_at", c => c.CreatedAt),
        ListFields.Time<Claim>("updated_at", c => c.UpdatedAt));

    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/auth-servers/{authServerId}/claims");
        group.MapGet("", List);
        group.MapPost("", CreateAsync);
        group.MapGet("/{claimId}", Get);
        group.MapPatch("/{claimId}", UpdateAsync);
        group.MapDelete("/{claimId}", Delete);
    }

    private static IResult List(string authServerId, HttpRequest request, ClaimService service) =>
        Results.Json(
            Listing.Page(request.Query, service.List(PathIds.Uuid(authServerId, "authServerId")), ClaimResponse.From),
            EmulatorJsonContext.Default.ListResponseClaimResponse);

    private static async Task<IResult> CreateAsync(string authServerId, HttpRequest request, ClaimService service, CancellationToken cancellationToken)
    {
        var id = PathIds.Uuid(authServerId, "authServerId");
        var body = await JsonBodyReader.ReadAsync(request, cancellationToken);
        var claim = service.Create(id, ClaimChanges.Read(body, create: true));
        return Results.Json(ClaimResponse.From(claim), EmulatorJsonContext.Default.ClaimResponse, statusCode: StatusCodes.Status201Created);
    }

    private static IResult Get(string authServerId, string claimId, ClaimService service) =>
        Results.Json(
            ClaimResponse.From(service.Get(PathIds.Uuid(authServerId, "authServerId"), PathIds.Uuid(claimId, "claimId"))),
            EmulatorJsonContext.Default.ClaimResponse);

    private static async Task<IResult> UpdateAsync(string authServerId, string claimId, HttpRequest request, ClaimService service, CancellationToken cancellationToken)
    {
        var serverId = PathIds.Uuid(authServerId, "authServerId");
        var id = PathIds.Uuid(claimId, "claimId");
        var body = await JsonBodyReader.ReadAsync(request, cancellationToken);
        var claim = service.Update(serverId, id, ClaimChanges.Read(body, create: false));
        return Results.Json(ClaimResponse.From(claim), EmulatorJsonContext.Default.ClaimResponse);
    }

    private static IResult Delete(string authServerId, string claimId, ClaimService service)
    {
        service.Delete(PathIds.Uuid(authServerId, "authServerId"), PathIds.Uuid(claimId, "claimId"));
        return Results.NoContent();
    }
}
