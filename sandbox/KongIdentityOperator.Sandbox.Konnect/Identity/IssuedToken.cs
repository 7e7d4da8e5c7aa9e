using System.Collections.Immutable;

namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary>Bookkeeping of an access token the issuer minted (the token list of a client).</summary>
internal sealed record IssuedToken(Guid Id, long Sequence, ImmutableArray<string> GrantedScopeNames, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
