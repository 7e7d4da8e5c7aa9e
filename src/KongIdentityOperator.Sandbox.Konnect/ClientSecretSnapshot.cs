namespace KongIdentityOperator.Sandbox.Konnect;

/// <summary>
/// One secret of a client, without its value. <see cref="Primary"/> marks the secret set by client creation,
/// PUT or PATCH <c>client_secret</c> (the others come from the secrets sub-resource).
/// </summary>
public sealed record ClientSecretSnapshot(string Id, bool Enabled, bool Primary, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
