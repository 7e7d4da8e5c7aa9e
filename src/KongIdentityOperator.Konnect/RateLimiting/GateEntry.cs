namespace KongIdentityOperator.Konnect.RateLimiting;

/// <summary>
/// Whether a call got a slot of its connection; if not, when to try again: soon (<see cref="RetryAfter"/>) for a
/// connection that may be merely busy, or null for one that is stuck, which the caller's backoff then spaces out.
/// </summary>
internal readonly record struct GateEntry(bool Entered, TimeSpan? RetryAfter)
{
    public static GateEntry Granted { get; } = new(true, null);

    public static GateEntry Refused(TimeSpan? retryAfter) => new(false, retryAfter);
}
