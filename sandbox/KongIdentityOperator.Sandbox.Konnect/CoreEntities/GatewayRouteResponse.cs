using System.Text.Json;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>The <c>Route</c> schema as the core-entities API returns it (timestamps in unix seconds).</summary>
internal sealed record GatewayRouteResponse(
    Guid Id,
    string? Name,
    ForeignKey? Service,
    IReadOnlyList<string> Protocols,
    IReadOnlyList<string>? Methods,
    IReadOnlyList<string>? Hosts,
    IReadOnlyList<string>? Paths,
    JsonElement? Headers,
    IReadOnlyList<string>? Snis,
    JsonElement? Sources,
    JsonElement? Destinations,
    int HttpsRedirectStatusCode,
    int RegexPriority,
    bool StripPath,
    string PathHandling,
    bool PreserveHost,
    bool RequestBuffering,
    bool ResponseBuffering,
    IReadOnlyList<string>? Tags,
    long CreatedAt,
    long UpdatedAt)
{
    public static GatewayRouteResponse From(GatewayRoute route) => new(
        route.Id,
        route.Name,
        route.ServiceId is null ? null : new ForeignKey(route.ServiceId.Value.ToString()),
        route.Protocols,
        route.Methods,
        route.Hosts,
        route.Paths,
        route.Headers,
        route.Snis,
        route.Sources,
        route.Destinations,
        route.HttpsRedirectStatusCode,
        route.RegexPriority,
        route.StripPath,
        route.PathHandling,
        route.PreserveHost,
        route.RequestBuffering,
        route.ResponseBuffering,
        route.Tags,
        route.CreatedAt.ToUnixTimeSeconds(),
        route.UpdatedAt.ToUnixTimeSeconds());
}
