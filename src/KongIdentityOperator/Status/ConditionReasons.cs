namespace KongIdentityOperator.Status;

/// <summary>Stable, documented reasons (README "Troubleshooting by condition reason").</summary>
internal static class ConditionReasons
{
    // Ready=True / ResolvedRefs=True / SecretReady=True
    public const string Ready = "Ready";
    public const string Resolved = "Resolved";
    public const string Written = "Written";

    // Reconciling=True (kstatus: InProgress; Argo CD: Progressing)
    public const string Progressing = "Progressing";
    public const string WaitingForRef = "WaitingForRef";
    public const string Retrying = "Retrying";
    public const string RateLimited = "RateLimited";
    public const string Deleting = "Deleting";
    public const string SecretNotReferenceable = "SecretNotReferenceable";

    // Stalled=True (kstatus: Failed; Argo CD: Degraded) — waits for a spec or Secret change
    public const string InvalidSpec = "InvalidSpec";
    public const string KonnectRejected = "KonnectRejected";
    public const string NameConflict = "NameConflict";
    public const string NotOwned = "NotOwned";
    public const string Unauthorized = "Unauthorized";
    public const string Forbidden = "Forbidden";
    public const string SecretConflict = "SecretConflict";
    public const string SecretKeyMissing = "SecretKeyMissing";
    public const string ServerNotAllowed = "ServerNotAllowed";
    public const string LimitExceeded = "LimitExceeded";
    public const string DefaultTokenNotAllowed = "DefaultTokenNotAllowed";
}
