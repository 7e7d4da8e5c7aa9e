namespace KongIdentityOperator.Konnect.Identity;

/// <summary>Body of <c>PATCH …/secrets/{clientSecretId}</c>.</summary>
public sealed record ClientSecretPatch(bool Enabled);
