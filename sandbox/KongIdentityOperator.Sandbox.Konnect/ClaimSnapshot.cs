namespace KongIdentityOperator.Sandbox.Konnect;

/// <summary>A claim of an auth server (<see cref="IncludeInScopes"/> holds scope ids).</summary>
public sealed record ClaimSnapshot(
    string Id,
    string Name,
    string Value,
    bool IncludeInToken,
    bool IncludeInAllScopes,
    IReadOnlyList<string> IncludeInScopes,
    bool Enabled);
