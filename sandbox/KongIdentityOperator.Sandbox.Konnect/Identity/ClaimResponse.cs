namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary>The <c>Claim</c> schema as Konnect returns it.</summary>
internal sealed record ClaimResponse(
    Guid Id,
    string Name,
    string Value,
    bool IncludeInToken,
    bool IncludeInAllScopes,
    IReadOnlyList<Guid> IncludeInScopes,
    bool Enabled,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static ClaimResponse From(Claim claim) => new(
        claim.Id,
        claim.Name,
        claim.Value,
        claim.IncludeInToken,
        claim.IncludeInAllScopes,
        claim.IncludeInScopes,
        claim.Enabled,
        claim.CreatedAt.UtcDateTime,
        claim.UpdatedAt.UtcDateTime);
}
