namespace KongIdentityOperator.Konnect.Identity;

/// <summary>Body of <c>POST /v1/auth-servers</c>. Unset optional fields take Konnect's defaults.</summary>
/// <param name="Name">Unique per organization and region (409 otherwise).</param>
/// <param name="Audience">The <c>aud</c> claim of issued tokens.</param>
public sealed record AuthServerCreate(string Name, string Audience)
{
    public string? Description { get; init; }

    public string? SigningAlgorithm { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    public IReadOnlyList<string>? TrustedOrigins { get; init; }
}
