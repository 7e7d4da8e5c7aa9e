namespace KongIdentityOperator.Konnect.Identity;

/// <summary>A scope of an auth server as Konnect returns it.</summary>
public sealed record Scope
{
    public string Id { get; init; } = "";

    /// <summary>The scope string clients request; unique within the auth server.</summary>
    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    /// <summary>Included in tokens without being requested (when the client may have it).</summary>
    public bool Default { get; init; }

    /// <summary>Listed in the discovery document's <c>scopes_supported</c>.</summary>
    public bool IncludeInMetadata { get; init; }

    public bool Enabled { get; init; } = true;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
