using KongIdentityOperator.Sandbox.Konnect.Identity;

namespace KongIdentityOperator.Sandbox.Konnect.Issuer;

/// <summary>What a successful token request is granted, decided under the store lock and signed after it.</summary>
internal sealed record TokenGrant(AuthServer AuthServer, Client Client, SigningKey Key, IReadOnlyList<string> Scopes, IReadOnlyList<Claim> Claims);
