using System.Security.Cryptography;
using System.Text;

namespace KongIdentityOperator.Konnect.RateLimiting;

/// <summary>
/// Identifies one rate-limit budget: a server URL and a token. The token is kept only as a short SHA-256 prefix,
/// so the key is safe to log, export as a metric label, or print.
/// </summary>
/// <param name="ServerUrl">The server URL without a trailing slash.</param>
/// <param name="TokenHash">The first 12 hex digits of the token's SHA-256.</param>
public sealed record KonnectRateLimitKey(string ServerUrl, string TokenHash)
{
    private const int HashPrefixLength = 12;

    /// <summary>The key of a connection.</summary>
    public static KonnectRateLimitKey For(KonnectConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(connection.Token)));
        return new KonnectRateLimitKey(connection.ServerUrl.AbsoluteUri.TrimEnd('/'), hash[..HashPrefixLength]);
    }

    /// <inheritdoc />
    public override string ToString() => $"{ServerUrl} (token sha256:{TokenHash})";
}
