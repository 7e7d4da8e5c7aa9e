namespace KongIdentityOperator.Credentials;

/// <summary>
/// What the Client's status records of its secrets in Konnect: the id and version of the current one, and the previous
/// one with the end of its grace period while it is kept. Konnect never shows a secret's value, so these ids are how
/// the operator knows which secret is which.
/// </summary>
internal sealed record SecretLedger(string? SecretId, string? RegisteredVersion, string? PreviousSecretId, DateTimeOffset? PreviousExpiresAt)
{
    public static SecretLedger Empty { get; } = new(null, null, null, null);

    /// <summary>When a previous secret's grace period ends, while one is kept.</summary>
    public DateTimeOffset? GraceEndsAt => PreviousSecretId is null ? null : PreviousExpiresAt;

    public bool Accounts(string id) => id == SecretId || id == PreviousSecretId;
}
