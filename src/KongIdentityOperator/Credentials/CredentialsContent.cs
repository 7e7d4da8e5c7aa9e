namespace KongIdentityOperator.Credentials;

/// <summary>The non-secret values written next to the client credentials, enough for a token request.</summary>
internal sealed record CredentialsContent(string ClientId, string Issuer, string TokenEndpoint, IReadOnlyList<string> Scopes, string Audience);
