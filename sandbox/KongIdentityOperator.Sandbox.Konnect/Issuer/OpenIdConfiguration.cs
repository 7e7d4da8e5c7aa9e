namespace KongIdentityOperator.Sandbox.Konnect.Issuer;

/// <summary>The discovery document at <c>{issuer}/.well-known/openid-configuration</c> (what this emulator serves).</summary>
internal sealed record OpenIdConfiguration(
    string Issuer,
    string TokenEndpoint,
    string JwksUri,
    IReadOnlyList<string> GrantTypesSupported,
    IReadOnlyList<string> ResponseTypesSupported,
    IReadOnlyList<string> TokenEndpointAuthMethodsSupported,
    IReadOnlyList<string> IdTokenSigningAlgValuesSupported,
    IReadOnlyList<string> SubjectTypesSupported,
    IReadOnlyList<string> ScopesSupported,
    IReadOnlyList<string> ClaimsSupported);
