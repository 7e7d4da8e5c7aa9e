namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary>A scope of an auth server; <see cref="Name"/> is the string clients request.</summary>
internal sealed record Scope(
    Guid Id,
    long Sequence,
    string Name,
    string Description,
    bool Default,
    bool IncludeInMetadata,
    bool Enabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
