namespace KongIdentityOperator.Sandbox.Konnect.Issuer;

/// <summary>The <c>/.well-known/jwks</c> document.</summary>
internal sealed record JwksDocument(IReadOnlyList<JwksKey> Keys);
