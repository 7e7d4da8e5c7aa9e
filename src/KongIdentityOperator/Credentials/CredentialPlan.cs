namespace KongIdentityOperator.Credentials;

/// <summary>
/// The credentials a Client's Secret will hold after this reconcile. <see cref="Current"/> is what workloads read under
/// <c>client_secret</c>; <see cref="Pending"/> is a new secret staged beside it during a rotation, promoted once Konnect
/// holds it too, so nobody reads a value Konnect does not know yet. <see cref="ChangeReason"/> says what changed (null
/// when nothing did); <see cref="DeferredUntil"/> is set when a requested rotation waits for a grace period to end.
/// </summary>
internal sealed record CredentialPlan(CredentialValue Current, CredentialValue? Pending, string? ChangeReason, DateTimeOffset? DeferredUntil = null)
{
    /// <summary>The version workloads and policies will see once this plan is through.</summary>
    public string TargetVersion => (Pending ?? Current).Version;
}
