namespace KongIdentityOperator.Konnect.Identity;

/// <summary>An OAuth client of an auth server as Konnect returns it (never with its secret).</summary>
public sealed record Client
{
    /// <summary>The OAuth <c>client_id</c> (≤ 36 characters of <c>[-_\w]</c>).</summary>
    public string Id { get; init; } = "";

    /// <summary>Unique within the auth server.</summary>
    public string Name { get; init; } = "";

    public IReadOnlyList<string> GrantTypes { get; init; } = [];

    public IReadOnlyList<string> ResponseTypes { get; init; } = [];

    public IReadOnlyList<string> RedirectUris { get; init; } = [];

    public string? LoginUri { get; init; }

    /// <summary>Seconds (60 … 2,592,000; default 300).</summary>
    public int AccessTokenDuration { get; init; } = 300;

    /// <summary>Seconds (60 … 2,592,000; default 300).</summary>
    public int IdTokenDuration { get; init; } = 300;

    public bool AllowAllScopes { get; init; }

    /// <summary>Scope ids (not names) the client may request.</summary>
    public IReadOnlyList<string> AllowScopes { get; init; } = [];

    public string? TokenEndpointAuthMethod { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
