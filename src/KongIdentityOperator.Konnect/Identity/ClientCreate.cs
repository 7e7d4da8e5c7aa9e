namespace KongIdentityOperator.Konnect.Identity;

/// <summary>
/// Body of <c>POST …/clients</c>: Konnect chooses the id and secret and returns the secret once
/// (see <see cref="CreatedClient"/>). Prefer <see cref="IClientsApi.UpsertAsync"/> to choose both yourself.
/// </summary>
public sealed record ClientCreate(string Name, IReadOnlyList<string> GrantTypes, IReadOnlyList<string> ResponseTypes)
{
    public IReadOnlyList<string>? RedirectUris { get; init; }

    public string? LoginUri { get; init; }

    public int? AccessTokenDuration { get; init; }

    public int? IdTokenDuration { get; init; }

    public bool? AllowAllScopes { get; init; }

    /// <summary>Scope ids (not names).</summary>
    public IReadOnlyList<string>? AllowScopes { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    public string? TokenEndpointAuthMethod { get; init; }
}
