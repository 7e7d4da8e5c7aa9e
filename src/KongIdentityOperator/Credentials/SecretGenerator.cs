using System.Security.Cryptography;

namespace KongIdentityOperator.Credentials;

/// <summary>Fresh client secrets and credential versions.</summary>
internal static class SecretGenerator
{
    /// <summary>A 256-bit random secret, base64url without padding (43 characters).</summary>
    public static string NewClientSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>An opaque, random version for a set of credentials; says nothing about the secret itself.</summary>
    public static string NewVersion() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>SHA-256 of a secret, kept next to it in the same Secret to notice tampering.</summary>
    public static string Fingerprint(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
