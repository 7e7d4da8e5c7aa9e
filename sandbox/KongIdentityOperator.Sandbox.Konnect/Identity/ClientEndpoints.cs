using System.Text.Json;
using KongIdentityOperator.Sandbox.Konnect.Http;
using KongIdentityOperator.Sandbox.Konnect.Issuer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary><c>/v1/auth-servers/{authServerId}/clients[/{clientId}]</c> and <c>…/test-claim</c>.</summary>
internal static class ClientEndpoints
{
    private static readonly ListDefinition<Client> Listing = new(
        ListFields.Text<Client>("name", c => c.Name, sortable: true),
        ListFields.Id<Client>("id", c => c.Id),
        ListFields.Labels<Client>(c => c.Labels),
        ListFields.Time<Client>("created_at", c => c.CreatedAt),
        ListFields.Time<Client>("updated_at", c => c.UpdatedAt));

    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/auth-servers/{authServerId}/clients");
        group.MapGet("", List);
        group.MapPost("", CreateAsync);
        group.MapGet("/{clientId}", Get);
        group.MapPatch("/{clientId}", PatchAsync);
        group.MapPut("/{clientId}", ReplaceAsync);
        group.MapDelete("/{clientId}", Delete);
        group.MapPost("/{clientId}/test-claim", TestClaimAsync);
    }

    private static IResult List(string authServerId, HttpRequest request, ClientService service) =>
        Results.Json(
            Listing.Page(request.Query, service.List(PathIds.Uuid(authServerId, "authServerId")), c => ClientResponse.From(c)),
            EmulatorJsonContext.Default.ListResponseClientResponse);

    private static async Task<IResult> CreateAsync(string authServerId, HttpRequest request, ClientService service, CancellationToken cancellationToken)
    {
        var id = PathIds.Uuid(authServerId, "authServerId");
        var body = await JsonBodyReader.ReadAsync(request, cancellationToken);
        var (client, secret) = service.Create(id, ClientChanges.Read(body, ClientWriteMode.Create));
        return Results.Json(ClientResponse.From(client, secret), EmulatorJsonContext.Default.ClientResponse, statusCode: StatusCodes.Status201Created);
    }

    private static IResult Get(string authServerId, string clientId, ClientService service) =>
        Results.Json(ClientResponse.From(service.Get(PathIds.Uuid(authServerId, "authServerId"), clientId)), EmulatorJsonContext.Default.ClientResponse);

    private static async Task<IResult> PatchAsync(string authServerId, string clientId, HttpRequest request, ClientService service, CancellationToken cancellationToken)
    {
        var serverId = PathIds.Uuid(authServerId, "authServerId");
        var body = await JsonBodyReader.ReadAsync(request, cancellationToken);
        var client = service.Patch(serverId, clientId, ClientChanges.Read(body, ClientWriteMode.Patch));
        return Results.Json(ClientResponse.From(client), EmulatorJsonContext.Default.ClientResponse);
    }

    private static async Task<IResult> ReplaceAsync(string authServerId, string clientId, HttpRequest request, ClientService service, CancellationToken cancellationToken)
    {
        var serverId = PathIds.Uuid(authServerId, "authServerId");
        var idErrors = ClientChanges.CheckClientId(clientId, "clientId", "path");
        if (idErrors.Count > 0)
        {
            throw ProblemException.BadRequest("Invalid client id", idErrors);
        }

        var body = await JsonBodyReader.ReadAsync(request, cancellationToken);
        var (client, created) = service.Replace(serverId, clientId, ClientChanges.Read(body, ClientWriteMode.Replace));
        return Results.Json(
            ClientResponse.From(client),
            EmulatorJsonContext.Default.ClientResponse,
            statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static IResult Delete(string authServerId, string clientId, ClientService service)
    {
        service.Delete(PathIds.Uuid(authServerId, "authServerId"), clientId);
        return Results.NoContent();
    }

    private static async Task<IResult> TestClaimAsync(
        string authServerId,
        string clientId,
        HttpRequest request,
        AuthServerService servers,
        ClientService clients,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var serverId = PathIds.Uuid(authServerId, "authServerId");
        var context = new TemplateContext(clients.Get(serverId, clientId), servers.Get(serverId), time.GetUtcNow());
        var body = await JsonBodyReader.ReadAsync(request, cancellationToken);
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var errors = new List<InvalidParameter>();
        foreach (var property in body.Root.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                errors.Add(new InvalidParameter(property.Name, "is_string", "must be a string"));
                continue;
            }

            try
            {
                result[property.Name] = ClaimValues.Render(property.Value.GetString()!, context);
            }
            catch (TemplateException exception)
            {
                errors.Add(new InvalidParameter(property.Name, "invalid", $"invalid template: {exception.Message}"));
            }
        }

        return errors.Count > 0
            ? throw ProblemException.BadRequest("Invalid claim templates", errors)
            : Results.Json(result, EmulatorJsonContext.Default.DictionaryStringJsonElement);
    }
}
