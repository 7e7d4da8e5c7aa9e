using KongIdentityOperator.Sandbox.Konnect.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary><c>/v1/auth-servers/{authServerId}/scopes[/{scopeId}]</c>.</summary>
internal static class ScopeEndpoints
{
    private static readonly ListDefinition<Scope> Listing = new(
        ListFields.Text<Scope>("name", s => s.Name, sortable: true),
        ListFields.Id<Scope>("id", s => s.Id.ToString()),
        ListFields.Time<Scope>("created_at", s => s.CreatedAt),
        ListFields.Time<Scope>("updated_at", s => s.UpdatedAt));

    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/auth-servers/{authServerId}/scopes");
        group.MapGet("", List);
        group.MapPost("", CreateAsync);
        group.MapGet("/{scopeId}", Get);
        group.MapPatch("/{scopeId}", UpdateAsync);
        group.MapDelete("/{scopeId}", Delete);
    }

    private static IResult List(string authServerId, HttpRequest request, ScopeService service) =>
        Results.Json(
            Listing.Page(request.Query, service.List(PathIds.Uuid(authServerId, "authServerId")), ScopeResponse.From),
            EmulatorJsonContext.Default.ListResponseScopeResponse);

    private static async Task<IResult> CreateAsync(string authServerId, HttpRequest request, ScopeService service, CancellationToken cancellationToken)
    {
        var id = PathIds.Uuid(authServerId, "authServerId");
        var body = await JsonBodyReader.ReadAsync(request, cancellationToken);
        var scope = service.Create(id, ScopeChanges.Read(body, create: true));
        return Results.Json(ScopeResponse.From(scope), EmulatorJsonContext.Default.ScopeResponse, statusCode: StatusCodes.Status201Created);
    }

    private static IResult Get(string authServerId, string scopeId, ScopeService service) =>
        Results.Json(
            ScopeResponse.From(service.Get(PathIds.Uuid(authServerId, "authServerId"), PathIds.Uuid(scopeId, "scopeId"))),
            EmulatorJsonContext.Default.ScopeResponse);

    private static async Task<IResult> UpdateAsync(string authServerId, string scopeId, HttpRequest request, ScopeService service, CancellationToken cancellationToken)
    {
        var serverId = PathIds.Uuid(authServerId, "authServerId");
        var id = PathIds.Uuid(scopeId, "scopeId");
        var body = await JsonBodyReader.ReadAsync(request, cancellationToken);
        var scope = service.Update(serverId, id, ScopeChanges.Read(body, create: false));
        return Results.Json(ScopeResponse.From(scope), EmulatorJsonContext.Default.ScopeResponse);
    }

    private static IResult Delete(string authServerId, string scopeId, ScopeService service)
    {
        service.Delete(PathIds.Uuid(authServerId, "authServerId"), PathIds.Uuid(scopeId, "scopeId"));
        return Results.NoContent();
    }
}
