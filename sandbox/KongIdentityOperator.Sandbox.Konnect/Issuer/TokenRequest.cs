using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Sandbox.Konnect.Issuer;

/// <summary>
/// A token request: form fields plus client credentials from either <c>client_secret_post</c> (form) or
/// <c>client_secret_basic</c> (Authorization header, RFC 6749 §2.3.1). Using both at once is refused.
/// </summary>
internal sealed record TokenRequest(string? GrantType, string ClientId, string ClientSecret, bool UsedBasic, IReadOnlyList<string> Scopes)
{
    public static async Task<TokenRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            throw new OAuthException(400, "invalid_request", "The request must be application/x-www-form-urlencoded.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var basic = ReadBasic(request.Headers.Authorization.ToString());
        var postedId = form["client_id"].ToString();
        var postedSecret = form["client_secret"].ToString();
        if (basic is not null && postedSecret.Length > 0)
        {
            throw new OAuthException(400, "invalid_request", "Use only one client authentication method.");
        }

        var (clientId, secret) = basic ?? (postedId, postedSecret);
        if (clientId.Length == 0 || secret.Length == 0)
        {
            throw OAuthException.InvalidClient(basic is not null);
        }

        var scopes = form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new TokenRequest(form["grant_type"].ToString(), clientId, secret, basic is not null, scopes.Distinct(StringComparer.Ordinal).ToList());
    }

    private static (string Id, string Secret)? ReadBasic(string header)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !value.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)
            || value.Parameter is null)
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0
                ? throw OAuthException.InvalidClient(basic: true)
                : (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
        }
        catch (FormatException)
        {
            throw OAuthException.InvalidClient(basic: true);
        }
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("GrantType = ").Append(GrantType).Append(", ClientId = ").Append(ClientId).Append(", ClientSecret = ***");
        return true;
    }
}
