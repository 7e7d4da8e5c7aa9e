namespace KongIdentityOperator.Konnect.Identity;

/// <summary>The answer to <c>PUT …/clients/{clientId}</c>.</summary>
/// <param name="Client">The client as stored.</param>
/// <param name="Created"><see langword="true"/> when Konnect created it (201), <see langword="false"/> when it replaced an existing one (200).</param>
public sealed record ClientUpsertResult(Client Client, bool Created);
