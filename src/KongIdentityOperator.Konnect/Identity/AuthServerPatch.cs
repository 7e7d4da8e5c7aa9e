namespace KongIdentityOperator.Konnect.Identity;

/// <summary>Body of <c>PATCH /v1/auth-servers/{id}</c>: unset (null) fields are left unchanged.</summary>
public sealed record AuthServerPatch
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Audience { get; init; }

    public string? SigningAlgorithm { get; init; }

    /// <summary>Labels to set; a key mapped to <see langword="null"/> removes that label.</summary>
    public IReadOnlyDictionary<string, string?>? Labels { get; init; }

    public IReadOnlyList<string>? TrustedOrigins { get; init; }
}
