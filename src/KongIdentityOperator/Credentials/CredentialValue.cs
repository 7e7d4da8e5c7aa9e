namespace KongIdentityOperator.Credentials;

/// <summary>
/// One client secret as the credentials Secret records it: the value, its opaque version, when it was decided (it
/// reached Konnect no earlier than that) and the rotate-secret request it answered. <see cref="ToString"/> never shows
/// the value.
/// </summary>
internal sealed record CredentialValue(string Secret, string Version, DateTimeOffset IssuedAt, string? RotationRequest)
{
    /// <summary>
    /// The Konnect secret ids the client had when this value was decided; null when not listed (a brand-new client).
    /// A secret the client has now that is not among them was added after the decision: by this value's POST.
    /// </summary>
    public IReadOnlyList<string>? KnownIds { get; init; }

    public static CredentialValue Fresh(string? brought, DateTimeOffset now, string? request) =>
        new(brought ?? SecretGenerator.NewClientSecret(), SecretGenerator.NewVersion(), now, request);

    public override string ToString() => $"CredentialValue {{ Version = {Version}, IssuedAt = {IssuedAt:O}, RotationRequest = {RotationRequest} }}";
}
