using KongIdentityOperator.Konnect.Errors;

namespace KongIdentityOperator.Status;

/// <summary>
/// Maps what Konnect (or the network) answered to an outcome: 429 and 5xx back off and retry; 401 says the token is
/// invalid; 403 and other 4xx stall with Konnect's detail until the spec changes. Messages come from
/// <see cref="KonnectApiException.Message"/>, which carries no token, secret or trace id.
/// </summary>
internal static class KonnectErrors
{
    public static readonly TimeSpan DefaultRateLimitWait = TimeSpan.FromSeconds(15);

    public static bool Handles(Exception exception) =>
        exception is KonnectApiException or KonnectConnectionBusyException or HttpRequestException;

    public static ReconcileOutcome ToOutcome(Exception exception) => exception switch
    {
        // Its connection's other calls are hanging: this one was not sent; try again with backoff, changing nothing.
        KonnectConnectionBusyException e => ReconcileOutcome.Progressing(ConditionReasons.Retrying, e.Message, e.RetryAfter) with { Silent = true },
        KonnectApiException { IsTimeout: true } => ReconcileOutcome.Progressing(ConditionReasons.Retrying, "Konnect did not answer in time; retrying with backoff."),
        KonnectApiException { IsRateLimited: true } e => ReconcileOutcome.Progressing(ConditionReasons.RateLimited, RateLimitMessage(e), e.RetryAfter ?? DefaultRateLimitWait),
        KonnectApiException { IsTransient: true } e => ReconcileOutcome.Progressing(ConditionReasons.Retrying, $"{e.Message}; retrying with backoff."),
        KonnectApiException { IsLimitExceeded: true } e => ReconcileOutcome.Stalled(
            ConditionReasons.LimitExceeded, $"{e.Message}. Tried again when another object of the same parent is deleted, and at resync."),
        KonnectApiException { IsUnauthorized: true } => ReconcileOutcome.Stalled(
            ConditionReasons.Unauthorized, "Konnect rejected the token (401 Unauthorized): it is invalid, expired or revoked. Update the token Secret (spec.konnect.tokenSecretRef) or the operator's --konnect-token."),
        KonnectApiException { IsForbidden: true } e => ReconcileOutcome.Stalled(ConditionReasons.Forbidden, $"{e.Message}. The token lacks the permission (Konnect role) this needs."),
        KonnectApiException { IsUniquenessViolation: true } e => ReconcileOutcome.Stalled(ConditionReasons.NameConflict, e.Message),
        KonnectApiException e => ReconcileOutcome.Stalled(ConditionReasons.KonnectRejected, e.Message),
        HttpRequestException e => ReconcileOutcome.Progressing(ConditionReasons.Retrying, $"Konnect is unreachable ({e.HttpRequestError}); retrying with backoff."),
        _ => throw new ArgumentException("Not a Konnect error.", nameof(exception)),
    };

    /// <summary>Until when, so that the message stays the same across requeues (no status write each time); never a token.</summary>
    private static string RateLimitMessage(KonnectApiException e) => e switch
    {
        { IsLocal: true, Detail: { } detail } => detail,
        { RetryAt: { } at } => $"Konnect rate limit reached (429); retrying after {at.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}.",
        _ => $"Konnect rate limit reached (429); retrying in {(e.RetryAfter ?? DefaultRateLimitWait).TotalSeconds:0} s.",
    };
}
