namespace KongIdentityOperator.Konnect.Identity;

/// <summary>Body of <c>PATCH …/claims/{claimId}</c>: unset (null) fields are left unchanged.</summary>
public sealed record ClaimPatch
{
    public string? Name { get; init; }

    public string? Value { get; init; }

    public bool? IncludeInToken { get; init; }

    public bool? IncludeInAllScopes { get; init; }

    /// <summary>Scope ids; an empty list clears them.</summary>
    public IReadOnlyList<string>? IncludeInScopes { get; init; }

    public bool? Enabled { get; init; }
}
