namespace KongIdentityOperator.Sandbox.Konnect.Issuer;

/// <summary>One public key of a JWKS document (RFC 7517).</summary>
internal sealed record JwksKey(string Kty, string Use, string Alg, string Kid, string N, string E);
