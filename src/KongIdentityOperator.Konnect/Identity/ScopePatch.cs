namespace KongIdentityOperator.Konnect.Identity;

/// <summary>Body of <c>PATCH …/scopes/{scopeId}</c>: unset (null) fields are left unchanged.</summary>
public sealed record ScopePatch
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public bool? Default { get; init; }

    public bool? IncludeInMetadata { get; init; }

    public bool? Enabled { get; init; }
}
