using System.Collections.Immutable;

namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary>A custom claim of an auth server; <see cref="Value"/> is static or a <c>${ … }</c> template.</summary>
internal sealed record Claim(
    Guid Id,
    long Sequence,
    string Name,
    string Value,
    bool IncludeInToken,
    bool IncludeInAllScopes,
    ImmutableArray<Guid> IncludeInScopes,
    bool Enabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
