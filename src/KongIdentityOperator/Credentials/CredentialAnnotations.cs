namespace KongIdentityOperator.Credentials;

/// <summary>Annotations and labels of the credentials Secret, and the rotation trigger on the Client.</summary>
internal static class CredentialAnnotations
{
    /// <summary>On the Client: a new value asks for a new client secret.</summary>
    public const string RotateSecret = "identity.konghq.com/rotate-secret";

    /// <summary>On the Secret: opaque version of the credentials it holds (compared with Client status.secretVersion).</summary>
    public const string SecretVersion = "identity.konghq.com/secret-version";

    /// <summary>On the Secret: SHA-256 of the client secret it holds, to notice an edited (tampered) value.</summary>
    public const string SecretSha256 = "identity.konghq.com/secret-sha256";

    /// <summary>On the Secret: when the client secret was issued.</summary>
    public const string RotatedAt = "identity.konghq.com/rotated-at";

    /// <summary>On the Secret: the rotate-secret value this secret answered.</summary>
    public const string RotationRequest = "identity.konghq.com/rotation-request";

    /// <summary>On the Secret: the version of the staged secret (data key <see cref="PendingKey"/>), while a rotation is under way.</summary>
    public const string PendingVersion = "identity.konghq.com/pending-secret-version";

    /// <summary>On the Secret: SHA-256 of the staged secret.</summary>
    public const string PendingSha256 = "identity.konghq.com/pending-secret-sha256";

    /// <summary>On the Secret: when the staged secret was decided (it reached Konnect no earlier).</summary>
    public const string PendingSince = "identity.konghq.com/pending-since";

    /// <summary>On the Secret: the rotate-secret value the staged secret answers.</summary>
    public const string PendingRotationRequest = "identity.konghq.com/pending-rotation-request";

    /// <summary>
    /// On the Secret: the Konnect secret ids the client had when the current value was decided (written with it, before
    /// Konnect heard of it). After a crash, a secret not among them and not on record is the one this value was added as.
    /// </summary>
    public const string KnownIds = "identity.konghq.com/secret-known-ids";

    /// <summary>On the Secret: the same for the staged secret.</summary>
    public const string PendingKnownIds = "identity.konghq.com/pending-known-ids";

    /// <summary>The annotations of the current secret.</summary>
    public static CredentialSlot Current { get; } = new(SecretVersion, SecretSha256, RotatedAt, RotationRequest, KnownIds);

    /// <summary>The annotations of the staged secret.</summary>
    public static CredentialSlot Pending { get; } = new(PendingVersion, PendingSha256, PendingSince, PendingRotationRequest, PendingKnownIds);

    /// <summary>Data key of the staged secret: present only between deciding a new secret and Konnect holding it.</summary>
    public const string PendingKey = "pending_client_secret";

    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "kong-identity-operator";
    public const string ClientLabel = "identity.konghq.com/client";
}
