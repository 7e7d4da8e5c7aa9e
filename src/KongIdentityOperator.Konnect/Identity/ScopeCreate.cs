namespace KongIdentityOperator.Konnect.Identity;

/// <summary>Body of <c>POST /v1/auth-servers/{id}/scopes</c>. Unset optional fields take Konnect's defaults.</summary>
/// <param name="Name">Unique within the auth server (409 otherwise).</param>
public sealed record ScopeCreate(string Name)
{
    public string? Description { get; init; }

    public bool? Default { get; init; }

    public bool? IncludeInMetadata { get; init; }

    public bool? Enabled { get; init; }
}
