using System.Text;
using System.Text.Json;
using KongIdentityOperator.Sandbox.Konnect.Identity;
using KongIdentityOperator.Sandbox.Konnect.State;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KongIdentityOperator.Sandbox.Konnect.Issuer;

/// <summary>
/// The <c>client_credentials</c> grant: authenticates the client against any enabled secret, grants the requested
/// scopes (each must exist, be enabled and be allowed) plus the enabled default scopes the client may have, and
/// signs a JWT with the auth server's key and algorithm.
/// </summary>
internal sealed class TokenService(EmulatorStore store, IssuerUrls urls, ClientTokenService ledger)
{
    private static readonly HashSet<string> RegisteredClaims = new(StringComparer.Ordinal) { "iss", "sub", "aud", "exp", "iat", "nbf", "jti", "client_id", "scope" };

    private readonly JsonWebTokenHandler _handler = new();

    public OAuthTokenResponse Issue(string issuerKey, TokenRequest request)
    {
        var grant = Authorize(issuerKey, request);
        var now = store.Now;
        var lifetime = grant.Client.AccessTokenDuration;
        var tokenId = Guid.NewGuid();
        var payload = WritePayload(grant, issuerKey, tokenId, now, lifetime);
        var credentials = new SigningCredentials(grant.Key.PrivateKey, grant.AuthServer.SigningAlgorithm);
        var accessToken = _handler.CreateToken(payload, credentials);
        ledger.Record(
            grant.AuthServer.Id,
            grant.Client.Id,
            new IssuedToken(tokenId, store.NextSequence(), [.. grant.Scopes], now, now.AddSeconds(lifetime)));
        return new OAuthTokenResponse(accessToken, "Bearer", lifetime, string.Join(' ', grant.Scopes));
    }

    private TokenGrant Authorize(string issuerKey, TokenRequest request)
    {
        lock (store.Gate)
        {
            if (!store.IssuerKeys.TryGetValue(issuerKey, out var serverId) || !store.AuthServers.TryGetValue(serverId, out var node))
            {
                throw new OAuthException(404, "not_found", "Unknown issuer.");
            }

            if (!node.Clients.TryGetValue(request.ClientId, out var clientNode)
                || !clientNode.Secrets.Any(s => s.Enabled && s.Matches(request.ClientSecret)))
            {
                throw OAuthException.InvalidClient(request.UsedBasic);
            }

            var client = clientNode.Entity;
            if (request.GrantType != "client_credentials")
            {
                throw new OAuthException(400, "unsupported_grant_type", "Only the client_credentials grant is supported by the token endpoint.");
            }

            if (!client.GrantTypes.Contains("client_credentials") || client.TokenEndpointAuthMethod == "none")
            {
                throw new OAuthException(400, "unauthorized_client", "The client is not allowed to use the client_credentials grant.");
            }

            bool Allowed(Scope scope) => scope.Enabled && (client.AllowAllScopes || client.AllowScopes.Contains(scope.Id));
            var granted = new List<Scope>();
            foreach (var name in request.Scopes)
            {
                var scope = node.Scopes.Values.FirstOrDefault(s => s.Name == name);
                if (scope is null || !Allowed(scope))
                {
                    throw OAuthException.InvalidScope(name);
                }

                granted.Add(scope);
            }

            granted.AddRange(node.Scopes.Values.Where(s => s.Default && Allowed(s) && !granted.Contains(s)).OrderBy(s => s.Sequence));
            var grantedIds = granted.Select(s => s.Id).ToHashSet();
            var claims = node.Claims.Values
                .Where(c => ClaimSelection.Includes(c, grantedIds, request.Scopes.Count > 0))
                .OrderBy(c => c.Sequence)
                .ToList();
            return new TokenGrant(node.Entity, client, node.Key, granted.Select(s => s.Name).ToList(), claims);
        }
    }

    private string WritePayload(TokenGrant grant, string issuerKey, Guid tokenId, DateTimeOffset now, int lifetime)
    {
        var context = new TemplateContext(grant.Client, grant.AuthServer, now);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("iss", urls.Issuer(issuerKey));
            writer.WriteString("sub", grant.Client.Id);
            writer.WriteString("aud", grant.AuthServer.Audience);
            writer.WriteNumber("iat", now.ToUnixTimeSeconds());
            writer.WriteNumber("nbf", now.ToUnixTimeSeconds());
            writer.WriteNumber("exp", now.ToUnixTimeSeconds() + lifetime);
            writer.WriteString("jti", tokenId.ToString());
            writer.WriteString("client_id", grant.Client.Id);
            if (grant.Scopes.Count > 0)
            {
                writer.WriteString("scope", string.Join(' ', grant.Scopes));
            }

            var written = new HashSet<string>(RegisteredClaims, StringComparer.Ordinal);
            foreach (var claim in grant.Claims.Reverse().Where(c => written.Add(c.Name)).Reverse())
            {
                writer.WritePropertyName(claim.Name);
                Render(claim, context).WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A claim whose template fails at run time is issued as its raw value rather than failing the token.</summary>
    private static JsonElement Render(Claim claim, TemplateContext context)
    {
        try
        {
            return ClaimValues.Render(claim.Value, context);
        }
        catch (TemplateException)
        {
            return ClaimValues.Infer(claim.Value);
        }
    }
}
