namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary>The <c>ClientSecretItem</c> schema; <see cref="Secret"/> only in the POST 201.</summary>
internal sealed record ClientSecretResponse(Guid Id, bool Enabled, DateTime CreatedAt, DateTime UpdatedAt)
{
    public string? Secret { get; init; }

    public static ClientSecretResponse From(ClientSecret secret, bool includeValue = false) =>
        new(secret.Id, secret.Enabled, secret.CreatedAt.UtcDateTime, secret.UpdatedAt.UtcDateTime)
        {
            Secret = includeValue ? secret.Value : null,
        };

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", Enabled = ").Append(Enabled).Append(", Secret = ").Append(Secret is null ? "null" : "***");
        return true;
    }
}
