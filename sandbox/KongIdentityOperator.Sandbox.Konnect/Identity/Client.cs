using System.Collections.Immutable;

namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary>An OAuth client of an auth server (its secrets live beside it in <see cref="State.ClientNode"/>).</summary>
internal sealed record Client(
    string Id,
    long Sequence,
    string Name,
    ImmutableArray<string> GrantTypes,
    ImmutableArray<string> ResponseTypes,
    ImmutableArray<string> RedirectUris,
    string? LoginUri,
    int AccessTokenDuration,
    int IdTokenDuration,
    bool AllowAllScopes,
    ImmutableArray<Guid> AllowScopes,
    ImmutableDictionary<string, string> Labels,
    string TokenEndpointAuthMethod,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
