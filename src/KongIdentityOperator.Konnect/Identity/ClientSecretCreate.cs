namespace KongIdentityOperator.Konnect.Identity;

/// <summary>Body of <c>POST …/clients/{clientId}/secrets</c> (secret rotation). Leave <see cref="Secret"/> unset to have one generated.</summary>
public sealed record ClientSecretCreate
{
    /// <summary>The secret to add. Secret: never printed by <see cref="ToString"/>.</summary>
    public string? Secret { get; init; }

    public bool? Enabled { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"ClientSecretCreate {{ Secret = {(Secret is null ? "null" : "***")}, Enabled = {Enabled} }}";
}
