namespace KongIdentityOperator.Konnect.Identity;

/// <summary>A custom claim of an auth server as Konnect returns it.</summary>
public sealed record Claim
{
    public string Id { get; init; } = "";

    /// <summary>Case-sensitive claim name in the token.</summary>
    public string Name { get; init; } = "";

    /// <summary>Static value or <c>${ … }</c> template.</summary>
    public string Value { get; init; } = "";

    public bool IncludeInToken { get; init; }

    public bool IncludeInAllScopes { get; init; }

    /// <summary>Scope ids (not names).</summary>
    public IReadOnlyList<string> IncludeInScopes { get; init; } = [];

    public bool Enabled { get; init; } = true;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
