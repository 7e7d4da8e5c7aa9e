using KongIdentityOperator.Sandbox.Konnect.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary><c>/v1/auth-servers/{authServerId}/clients/{clientId}/tokens[/{tokenId}]</c>.</summary>
internal static class ClientTokenEndpoints
{
    private static readonly ListDefinition<IssuedToken> Listing = new(
        ListFields.Id<IssuedToken>("id", t => t.Id.ToString()),
        ListFields.Time<IssuedToken>("created_at", t => t.CreatedAt),
        ListFields.Time<IssuedToken>("expires_at", t => t.ExpiresAt));

    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/auth-servers/{authServerId}/clients/{clientId}/tokens");
        group.MapGet("", List);
        group.MapDelete("", DeleteAll);
        group.MapGet("/{tokenId}", Get);
        group.MapDelete("/{tokenId}", Delete);
    }

    private static IResult List(string authServerId, string clientId, HttpRequest request, ClientTokenService service) =>
        Results.Json(
            Listing.Page(request.Query, service.List(PathIds.Uuid(authServerId, "authServerId"), clientId), IssuedTokenResponse.From),
            EmulatorJsonContext.Default.ListResponseIssuedTokenResponse);

    private static IResult Get(string authServerId, string clientId, string tokenId, ClientTokenService service) =>
        Results.Json(
            IssuedTokenResponse.From(service.Get(PathIds.Uuid(authServerId, "authServerId"), clientId, PathIds.Uuid(tokenId, "tokenId"))),
            EmulatorJsonContext.Default.IssuedTokenResponse);

    private static IResult DeleteAll(string authServerId, string clientId, ClientTokenService service)
    {
        service.Delete(PathIds.Uuid(authServerId, "authServerId"), clientId, tokenId: null);
        return Results.NoContent();
    }

    private static IResult Delete(string authServerId, string clientId, string tokenId, ClientTokenService service)
    {
        service.Delete(PathIds.Uuid(authServerId, "authServerId"), clientId, PathIds.Uuid(tokenId, "tokenId"));
        return Results.NoContent();
    }
}
