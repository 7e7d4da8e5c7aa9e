using KongIdentityOperator.Sandbox.Konnect.Http;
using KongIdentityOperator.Sandbox.Konnect.Issuer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary><c>/v1/auth-servers</c> and <c>/v1/auth-servers/{authServerId}</c>.</summary>
internal static class AuthServerEndpoints
{
    private static readonly ListDefinition<AuthServer> Listing = new(
        ListFields.Text<AuthServer>("name", a => a.Name, sortable: true),
        ListFields.Text<AuthServer>("description", a => a.Description),
        ListFields.Text<AuthServer>("audience", a => a.Audience, sortable: true),
        ListFields.Id<AuthServer>("id", a => a.Id.ToString()),
        ListFields.Labels<AuthServer>(a => a.Labels),
        ListFields.Time<AuthServer>("created_at", a => a.CreatedAt),
        ListFields.Time<AuthServer>("updated_at", a => a.UpdatedAt));

    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/auth-servers");
        group.MapGet("", List);
        group.MapPost("", CreateAsync);
        group.MapGet("/{authServerId}", Get);
        group.MapPatch("/{authServerId}", UpdateAsync);
        group.MapDelete("/{authServerId}", Delete);
    }

    private static IResult List(HttpRequest request, AuthServerService service, IssuerUrls urls) =>
        Results.Json(Listing.Page(request.Query, service.List(), a => AuthServerResponse.From(a, urls)), EmulatorJsonContext.Default.ListResponseAuthServerResponse);

    private static async Task<IResult> CreateAsync(HttpRequest request, AuthServerService service, IssuerUrls urls, CancellationToken cancellationToken)
    {
        var body = await JsonBodyReader.ReadAsync(request, cancellationToken);
        var server = service.Create(AuthServerChanges.Read(body, create: true));
        return Results.Json(AuthServerResponse.From(server, urls), EmulatorJsonContext.Default.AuthServerResponse, statusCode: StatusCodes.Status201Created);
    }

    private static IResult Get(string authServerId, AuthServerService service, IssuerUrls urls) =>
        Results.Json(AuthServerResponse.From(service.Get(PathIds.Uuid(authServerId, "authServerId")), urls), EmulatorJsonContext.Default.AuthServerResponse);

    private static async Task<IResult> UpdateAsync(string authServerId, HttpRequest request, AuthServerService service, IssuerUrls urls, CancellationToken cancellationToken)
    {
        var id = PathIds.Uuid(authServerId, "authServerId");
        var body = await JsonBodyReader.ReadAsync(request, cancellationToken);
        var server = service.Update(id, AuthServerChanges.Read(body, create: false));
        return Results.Json(AuthServerResponse.From(server, urls), EmulatorJsonContext.Default.AuthServerResponse);
    }

    private static IResult Delete(string authServerId, HttpRequest request, AuthServerService service)
    {
        var id = PathIds.Uuid(authServerId, "authServerId");
        var force = request.Query["force"].ToString();
        if (force.Length > 0 && !IdentityRules.ForceValues.Contains(force, StringComparer.Ordinal))
        {
            throw ProblemException.BadRequest(InvalidParameter.Enum("force", IdentityRules.ForceValues) with { Source = "query" });
        }

        service.Delete(id, force == "true");
        return Results.NoContent();
    }
}
