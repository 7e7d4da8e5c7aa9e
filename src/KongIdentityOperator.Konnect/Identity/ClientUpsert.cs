namespace KongIdentityOperator.Konnect.Identity;

/// <summary>
/// Body of <c>PUT …/clients/{clientId}</c>: creates the client with the caller's id and secret, or replaces it.
/// Unset optional fields take Konnect's defaults (it is a replace, not a patch).
/// </summary>
/// <param name="Name">Unique within the auth server (409 otherwise).</param>
/// <param name="ClientSecret">The secret to set. Secret: never printed by <see cref="ToString"/>.</param>
/// <param name="GrantTypes">e.g. <c>["client_credentials"]</c>.</param>
/// <param name="ResponseTypes">e.g. <c>["token"]</c>.</param>
public sealed record ClientUpsert(
    string Name,
    string ClientSecret,
    IReadOnlyList<string> GrantTypes,
    IReadOnlyList<string> ResponseTypes)
{
    public IReadOnlyList<string>? RedirectUris { get; init; }

    public string? LoginUri { get; init; }

    public int? AccessTokenDuration { get; init; }

    public int? IdTokenDuration { get; init; }

    public bool? AllowAllScopes { get; init; }

    /// <summary>Scope ids (not names).</summary>
    public IReadOnlyList<string>? AllowScopes { get; init; }

    public string? TokenEndpointAuthMethod { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"ClientUpsert {{ Name = {Name}, ClientSecret = ***, GrantTypes = [{string.Join(", ", GrantTypes)}] }}";
}
