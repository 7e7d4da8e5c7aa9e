namespace KongIdentityOperator.Sandbox.Konnect;

/// <summary>One secret of a client, without its value.</summary>
public sealed record ClientSecretSnapshot(string Id, bool Enabled, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
