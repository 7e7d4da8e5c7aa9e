namespace KongIdentityOperator.Sandbox.Konnect;

/// <summary>A scope of an auth server.</summary>
public sealed record ScopeSnapshot(string Id, string Name, string Description, bool Default, bool IncludeInMetadata, bool Enabled);
