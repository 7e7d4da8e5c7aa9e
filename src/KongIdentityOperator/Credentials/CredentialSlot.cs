namespace KongIdentityOperator.Credentials;

/// <summary>The annotation keys that describe one of the two secrets a credentials Secret can hold (current, staged).</summary>
internal sealed record CredentialSlot(string Version, string Sha256, string IssuedAt, string RotationRequest, string KnownIds);
