using KongIdentityOperator.Sandbox.Konnect.Http;
using KongIdentityOperator.Sandbox.Konnect.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KongIdentityOperator.Sandbox.Konnect.Issuer;

/// <summary>The issuer side of each auth server: discovery, JWKS and the token endpoint, under its issuer URL.</summary>
internal static class IssuerEndpoints
{
    private static readonly string[] GrantTypes = ["client_credentials"];

    private static readonly string[] ResponseTypes = ["token"];

    private static readonly string[] AuthMethods = ["client_secret_post", "client_secret_basic"];

    private static readonly string[] SubjectTypes = ["public"];

    private static readonly string[] RegisteredClaims = ["iss", "sub", "aud", "exp", "iat", "nbf", "jti", "client_id", "scope"];

    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(IssuerUrls.PathPrefix + "/{issuerKey}/auth");
        group.MapGet("/.well-known/openid-configuration", Discovery);
        group.MapGet("/.well-known/jwks", Jwks);
        group.MapPost("/oauth/token", TokenAsync);
    }

    private static IResult Discovery(string issuerKey, EmulatorStore store, IssuerUrls urls)
    {
        lock (store.Gate)
        {
            var node = Find(store, issuerKey);
            var scopes = node.Scopes.Values.Where(s => s.Enabled && s.IncludeInMetadata).OrderBy(s => s.Sequence).Select(s => s.Name).ToList();
            var claims = RegisteredClaims
                .Concat(node.Claims.Values.Where(c => c.Enabled && c.IncludeInToken).Select(c => c.Name))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var document = new OpenIdConfiguration(
                urls.Issuer(issuerKey),
                urls.TokenEndpoint(issuerKey),
                urls.JwksUri(issuerKey),
                GrantTypes,
                ResponseTypes,
                AuthMethods,
                [node.Entity.SigningAlgorithm],
                SubjectTypes,
                scopes,
                claims);
            return Results.Json(document, EmulatorJsonContext.Default.OpenIdConfiguration);
        }
    }

    private static IResult Jwks(string issuerKey, EmulatorStore store)
    {
        SigningKey key;
        string algorithm;
        lock (store.Gate)
        {
            var node = Find(store, issuerKey);
            key = node.Key;
            algorithm = node.Entity.SigningAlgorithm;
        }

        return Results.Json(new JwksDocument([key.ToJwksKey(algorithm)]), EmulatorJsonContext.Default.JwksDocument);
    }

    private static async Task<IResult> TokenAsync(
        string issuerKey,
        HttpRequest request,
        HttpResponse response,
        TokenRateLimiter limiter,
        TokenService tokens,
        CancellationToken cancellationToken)
    {
        limiter.Admit(issuerKey);
        var tokenRequest = await TokenRequest.ReadAsync(request, cancellationToken);
        var issued = tokens.Issue(issuerKey, tokenRequest);
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        return Results.Json(issued, EmulatorJsonContext.Default.OAuthTokenResponse);
    }

    private static AuthServerNode Find(EmulatorStore store, string issuerKey) =>
        store.IssuerKeys.TryGetValue(issuerKey, out var id) && store.AuthServers.TryGetValue(id, out var node)
            ? node
            : throw new OAuthException(404, "not_found", "Unknown issuer.");
}
