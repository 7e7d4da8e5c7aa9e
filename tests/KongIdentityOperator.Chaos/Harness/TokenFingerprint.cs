using System.Security.Cryptography;
using System.Text;

namespace KongIdentityOperator.Chaos.Harness;

/// <summary>Names a Konnect token without holding it: the first bytes of its SHA-256.</summary>
internal static class TokenFingerprint
{
    public static string Of(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)).AsSpan(0, 8));
}
