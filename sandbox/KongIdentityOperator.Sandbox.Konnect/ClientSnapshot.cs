namespace KongIdentityOperator.Sandbox.Konnect;

/// <summary>A client of an auth server with its secrets (ids and state only) and the number of tokens it was issued.</summary>
public sealed record ClientSnapshot(
    string Id,
    string Name,
    IReadOnlyList<string> GrantTypes,
    IReadOnlyList<string> ResponseTypes,
    int AccessTokenDuration,
    bool AllowAllScopes,
    IReadOnlyList<string> AllowScopes,
    IReadOnlyDictionary<string, string> Labels,
    string TokenEndpointAuthMethod,
    IReadOnlyList<ClientSecretSnapshot> Secrets,
    int IssuedTokens,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
