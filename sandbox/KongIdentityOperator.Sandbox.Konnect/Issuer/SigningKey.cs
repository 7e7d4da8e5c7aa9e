using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace KongIdentityOperator.Sandbox.Konnect.Issuer;

/// <summary>
/// The RSA key of one auth server, made on first use: creating thousands of auth servers stays cheap,
/// and only those that issue tokens or serve a JWKS pay for a 2048-bit key.
/// </summary>
internal sealed class SigningKey
{
    private readonly Lazy<RsaSecurityKey> _key = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The private key. Built from parameters so IdentityModel pools its own RSA instances (thread-safe signing).</summary>
    public RsaSecurityKey PrivateKey => _key.Value;

    public string KeyId => PrivateKey.KeyId;

    /// <summary>The public half as a JWKS entry.</summary>
    public JwksKey ToJwksKey(string algorithm)
    {
        var parameters = PrivateKey.Parameters;
        return new JwksKey("RSA", "sig", algorithm, KeyId, Base64UrlEncoder.Encode(parameters.Modulus), Base64UrlEncoder.Encode(parameters.Exponent));
    }

    private static RsaSecurityKey Create()
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: true));
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }
}
