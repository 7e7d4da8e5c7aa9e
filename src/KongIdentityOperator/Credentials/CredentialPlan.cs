namespace KongIdentityOperator.Credentials;

/// <summary>
/// The credentials a Client will have after this reconcile: the secret, its version, when it was issued and why it
/// changed (null when it did not). <see cref="ToString"/> never shows the secret.
/// </summary>
internal sealed record CredentialPlan(string ClientSecret, string Version, DateTimeOffset IssuedAt, string? RotationRequest, string? ChangeReason)
{
    public override string ToString() => $"CredentialPlan {{ Version = {Version}, IssuedAt = {IssuedAt:O}, ChangeReason = {ChangeReason} }}";
}
