namespace KongIdentityOperator.Konnect.Identity;

/// <summary>Body of <c>POST …/claims</c>. Unset optional fields take Konnect's defaults.</summary>
/// <param name="Name">Claim name in the token.</param>
/// <param name="Value">Static value or <c>${ … }</c> template.</param>
public sealed record ClaimCreate(string Name, string Value)
{
    public bool? IncludeInToken { get; init; }

    public bool? IncludeInAllScopes { get; init; }

    /// <summary>Scope ids (not names).</summary>
    public IReadOnlyList<string>? IncludeInScopes { get; init; }

    public bool? Enabled { get; init; }
}
