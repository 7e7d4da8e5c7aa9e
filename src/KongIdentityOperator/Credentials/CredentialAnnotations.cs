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

    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "kong-identity-operator";
    public const string ClientLabel = "identity.konghq.com/client";
}
