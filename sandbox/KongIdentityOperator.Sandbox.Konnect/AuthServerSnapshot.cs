namespace KongIdentityOperator.Sandbox.Konnect;

/// <summary>An auth server with its scopes, claims and clients.</summary>
public sealed record AuthServerSnapshot(
    string Id,
    string Name,
    string Description,
    string Audience,
    string SigningAlgorithm,
    string Issuer,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<ScopeSnapshot> Scopes,
    IReadOnlyList<ClaimSnapshot> Claims,
    IReadOnlyList<ClientSnapshot> Clients,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
