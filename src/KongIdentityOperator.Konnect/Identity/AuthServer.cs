namespace KongIdentityOperator.Konnect.Identity;

/// <summary>A Kong Identity auth server as Konnect returns it.</summary>
public sealed record AuthServer
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    /// <summary>Becomes the <c>aud</c> claim of issued tokens.</summary>
    public string Audience { get; init; } = "";

    public string SigningAlgorithm { get; init; } = SigningAlgorithms.RS256;

    /// <summary>The public issuer URL (<c>iss</c>); the token endpoint is <c>{Issuer}/oauth/token</c>.</summary>
    public string Issuer { get; init; } = "";

    public string MetadataUri { get; init; } = "";

    public string? JwksUri { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string>? TrustedOrigins { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
