using System.Collections.Immutable;

namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary>A Kong Identity auth server. <see cref="IssuerKey"/> is the random part of its issuer URL.</summary>
internal sealed record AuthServer(
    Guid Id,
    long Sequence,
    string Name,
    string Description,
    string Audience,
    string SigningAlgorithm,
    ImmutableDictionary<string, string> Labels,
    ImmutableArray<string> TrustedOrigins,
    string IssuerKey,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
