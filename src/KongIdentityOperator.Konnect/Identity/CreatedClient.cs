namespace KongIdentityOperator.Konnect.Identity;

/// <summary>The answer to <c>POST …/clients</c>: the client and the secret Konnect generated (returned only this once).</summary>
/// <param name="Client">The created client.</param>
/// <param name="ClientSecret">The generated secret. Secret: never printed by <see cref="ToString"/>.</param>
public sealed record CreatedClient(Client Client, string ClientSecret)
{
    /// <inheritdoc />
    public override string ToString() => $"CreatedClient {{ Client = {Client}, ClientSecret = *** }}";
}
