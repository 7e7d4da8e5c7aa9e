using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace KongIdentityOperator.Credentials;

/// <summary>
/// The OAuth2 client_id of a Client without <c>spec.clientID</c>: derived from namespace and name only, so every
/// reconcile (and every restart after a crash) PUTs the same id. Konnect allows 1-36 characters of <c>[-_\w]</c>.
/// </summary>
internal static partial class ClientIdDeriver
{
    public const int MaxLength = 36;

    public static string Derive(string @namespace, string name)
    {
        var readable = $"{@namespace}-{name}";
        if (readable.Length <= MaxLength && Allowed().IsMatch(readable))
        {
            return readable;
        }

        // Too long (or, defensively, odd characters): keep a readable prefix and add a hash of the full identity,
        // so two long names that share a prefix still get different ids.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{@namespace}/{name}"));
        var suffix = Convert.ToHexStringLower(hash)[..10];
        var sanitized = Disallowed().Replace(readable, "-");
        var prefix = sanitized[..Math.Min(sanitized.Length, MaxLength - suffix.Length - 1)].TrimEnd('-');
        return $"{prefix}-{suffix}";
    }

    [GeneratedRegex("^[-_a-zA-Z0-9]+$")]
    private static partial Regex Allowed();

    [GeneratedRegex("[^-_a-zA-Z0-9]")]
    private static partial Regex Disallowed();
}
