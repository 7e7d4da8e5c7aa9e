namespace KongIdentityOperator.Konnect.Identity;

/// <summary>Body of <c>PATCH …/clients/{clientId}</c>: unset (null) fields are left unchanged.</summary>
public sealed record ClientPatch
{
    public string? Name { get; init; }

    /// <summary>A new secret for the client. Secret: never printed by <see cref="ToString"/>.</summary>
    public string? ClientSecret { get; init; }

    public IReadOnlyList<string>? GrantTypes { get; init; }

    public IReadOnlyList<string>? ResponseTypes { get; init; }

    public IReadOnlyList<string>? RedirectUris { get; init; }

    public string? LoginUri { get; init; }

    public int? AccessTokenDuration { get; init; }

    public int? IdTokenDuration { get; init; }

    public bool? AllowAllScopes { get; init; }

    /// <summary>Scope ids; an empty list clears them.</summary>
    public IReadOnlyList<string>? AllowScopes { get; init; }

    public string? TokenEndpointAuthMethod { get; init; }

    /// <summary>Labels to set; a key mapped to <see langword="null"/> removes that label.</summary>
    public IReadOnlyDictionary<string, string?>? Labels { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"ClientPatch {{ Name = {Name}, ClientSecret = {(ClientSecret is null ? "null" : "***")} }}";
}
