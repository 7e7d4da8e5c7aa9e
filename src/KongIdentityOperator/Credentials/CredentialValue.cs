namespace KongIdentityOperator.Credentials;

/// <summary>
/// One client secret as the credentials Secret records it: the value, its opaque version, when it was decided (it
/// reached Konnect no earlier than that) and the rotate-secret request it answered. <see cref="ToString"/> never shows
/// the value.
/// </summary>
internal sealed record CredentialValue(string Secret, string Version, DateTimeOffset IssuedAt, string? RotationRequest)
{
    public static CredentialValue Fresh(string? brought, DateTimeOffset now, string? request) =>
        new(brought ?? SecretGenerator.NewClientSecret(), SecretGenerator.NewVersion(), now, request);

    public override string ToString() => $"CredentialValue {{ Version = {Version}, IssuedAt = {IssuedAt:O}, RotationRequest = {RotationRequest} }}";
}
