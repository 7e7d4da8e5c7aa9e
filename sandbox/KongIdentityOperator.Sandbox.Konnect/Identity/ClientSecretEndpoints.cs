using KongIdentityOperator.Sandbox.Konnect.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary><c>/v1/auth-servers/{authServerId}/clients/{clientId}/secrets[/{clientSecretId}]</c>.</summary>
internal static class ClientSecretEndpoints
{
    private static readonly ListDefinition<ClientSecret> Listing = new(
        ListFields.Id<ClientSecret>("id", s => s.Id.ToString()),
        ListFields.Boolean<ClientSecret>("enabled", s => s.Enabled),
        ListFields.Time<ClientSecret>("created_at", s => s.CreatedAt),
        ListFields.Time<ClientSecret>("updated_at", s => s.UpdatedAt));

    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/auth-servers/{authServerId}/clients/{clientId}/secrets");
        group.MapGet("", List);
        group.MapPost("", CreateAsync);
        group.MapGet("/{clientSecretId}", Get);
        group.MapPatch("/{clientSecretId}", UpdateAsync);
        group.MapDelete("/{clientSecretId}", Delete);
    }

    private static IResult List(string authServerId, string clientId, HttpRequest request, ClientSecretService service) =>
        Results.Json(
            Listing.Page(request.Query, service.List(PathIds.Uuid(authServerId, "authServerId"), clientId), s => ClientSecretResponse.From(s)),
            EmulatorJsonContext.Default.ListResponseClientSecretResponse);

    private static async Task<IResult> CreateAsync(string authServerId, string clientId, HttpRequest request, ClientSecretService service, CancellationToken cancellationToken)
    {
        var serverId = PathIds.Uuid(authServerId, "authServerId");
        var body = await JsonBodyReader.ReadAsync(request, cancellationToken);
        var value = body.String("secret", minLength: 1);
        var enabled = body.Boolean("enabled");
        body.ThrowIfInvalid();
        var secret = service.Create(serverId, clientId, value, enabled ?? true);
        return Results.Json(ClientSecretResponse.From(secret, includeValue: true), EmulatorJsonContext.Default.ClientSecretResponse, statusCode: StatusCodes.Status201Created);
    }

    private static IResult Get(string authServerId, string clientId, string clientSecretId, ClientSecretService service) =>
        Results.Json(
            ClientSecretResponse.From(service.Get(PathIds.Uuid(authServerId, "authServerId"), clientId, PathIds.Uuid(clientSecretId, "clientSecretId"))),
            EmulatorJsonContext.Default.ClientSecretResponse);

    private static async Task<IResult> UpdateAsync(
        string authServerId,
        string clientId,
        string clientSecretId,
        HttpRequest request,
        ClientSecretService service,
        CancellationToken cancellationToken)
    {
        var serverId = PathIds.Uuid(authServerId, "authServerId");
        var secretId = PathIds.Uuid(clientSecretId, "clientSecretId");
        var body = await JsonBodyReader.ReadAsync(request, cancellationToken);
        var enabled = body.Boolean("enabled");
        body.ThrowIfInvalid();
        var secret = service.Update(serverId, clientId, secretId, enabled);
        return Results.Json(ClientSecretResponse.From(secret), EmulatorJsonContext.Default.ClientSecretResponse);
    }

    private static IResult Delete(string authServerId, string clientId, string clientSecretId, ClientSecretService service)
    {
        service.Delete(PathIds.Uuid(authServerId, "authServerId"), clientId, PathIds.Uuid(clientSecretId, "clientSecretId"));
        return Results.NoContent();
    }
}
