using KongIdentityOperator.Sandbox.Konnect.Issuer;

namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary>The <c>AuthServer</c> schema as Konnect returns it.</summary>
internal sealed record AuthServerResponse(
    Guid Id,
    string Name,
    string Description,
    string Audience,
    string SigningAlgorithm,
    string Issuer,
    string MetadataUri,
    string JwksUri,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string> TrustedOrigins,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static AuthServerResponse From(AuthServer server, IssuerUrls urls) => new(
        server.Id,
        server.Name,
        server.Description,
        server.Audience,
        server.SigningAlgorithm,
        urls.Issuer(server.IssuerKey),
        urls.MetadataUri(server.IssuerKey),
        urls.JwksUri(server.IssuerKey),
        server.Labels,
        server.TrustedOrigins,
        server.CreatedAt.UtcDateTime,
        server.UpdatedAt.UtcDateTime);
}
