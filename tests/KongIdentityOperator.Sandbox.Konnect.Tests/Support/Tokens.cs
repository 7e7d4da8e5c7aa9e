using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KongIdentityOperator.Sandbox.Konnect.Tests.Support;

/// <summary>Validates issued tokens the way a resource server would: discovery → JWKS → signature, issuer, audience.</summary>
public static class Tokens
{
    public static async Task<TokenValidationResult> ValidateAsync(string accessToken, string metadataUri, string audience, bool validateLifetime = true)
    {
        using var http = new HttpClient();
        var cancellation = TestContext.Current.CancellationToken;
        using var discovery = JsonDocument.Parse(await http.GetStringAsync(metadataUri, cancellation));
        var issuer = discovery.RootElement.GetProperty("issuer").GetString()!;
        var jwksUri = discovery.RootElement.GetProperty("jwks_uri").GetString()!;
        var keys = new JsonWebKeySet(await http.GetStringAsync(jwksUri, cancellation)).GetSigningKeys();
        return await new JsonWebTokenHandler().ValidateTokenAsync(accessToken, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = audience,
            IssuerSigningKeys = keys,
            ValidateLifetime = validateLifetime,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.Zero,
        });
    }

    public static JsonWebToken Read(string accessToken) => new(accessToken);
}
