namespace KongIdentityOperator.Konnect.Identity;

/// <summary>A secret of a client. <see cref="Secret"/> is set only in the answer to its creation.</summary>
public sealed record ClientSecret
{
    public string Id { get; init; } = "";

    public bool Enabled { get; init; } = true;

    /// <summary>The secret value; only in the create answer. Secret: never printed by <see cref="ToString"/>.</summary>
    public string? Secret { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"ClientSecret {{ Id = {Id}, Enabled = {Enabled}, Secret = {(Secret is null ? "null" : "***")}, CreatedAt = {CreatedAt:O} }}";
}
