namespace KongIdentityOperator.Sandbox.Konnect.Hooks;

/// <summary>
/// The body of <c>POST /_emulator/faults</c>; omitted settings take <see cref="EmulatorFaults"/>' defaults
/// (a separate type because source-generated JSON would zero omitted init-only properties).
/// </summary>
internal sealed record FaultSettings(
    int? LatencyMs,
    double? ErrorRate,
    int? RateLimitPerMinute,
    int? ThrottleNext,
    int? LatencySpikeMs,
    double? LatencySpikeRate,
    bool? ApplyToIssuer)
{
    public EmulatorFaults ToFaults()
    {
        var defaults = EmulatorFaults.None;
        return new EmulatorFaults
        {
            LatencyMs = LatencyMs ?? defaults.LatencyMs,
            ErrorRate = ErrorRate ?? defaults.ErrorRate,
            RateLimitPerMinute = RateLimitPerMinute ?? defaults.RateLimitPerMinute,
            ThrottleNext = ThrottleNext ?? defaults.ThrottleNext,
            LatencySpikeMs = LatencySpikeMs ?? defaults.LatencySpikeMs,
            LatencySpikeRate = LatencySpikeRate ?? defaults.LatencySpikeRate,
            ApplyToIssuer = ApplyToIssuer ?? defaults.ApplyToIssuer,
        };
    }
}
