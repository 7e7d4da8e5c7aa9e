namespace KongIdentityOperator.Sandbox.Konnect;

/// <summary>
/// Faults injected into Konnect API calls (<c>/v1</c>, <c>/v2</c>); everything is off by default.
/// Test hooks (<c>/_emulator/*</c>) are never affected; issuer endpoints only with <see cref="ApplyToIssuer"/>.
/// </summary>
public sealed record EmulatorFaults
{
    /// <summary>No faults.</summary>
    public static EmulatorFaults None { get; } = new();

    /// <summary>Delay added to every affected call, in milliseconds.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Share of affected calls (0.0-1.0) answered with a 5xx.</summary>
    public double ErrorRate { get; init; }

    /// <summary>Calls allowed per token in a 60 s fixed window; 0 turns rate limiting off.</summary>
    public int RateLimitPerMinute { get; init; }

    /// <summary>The next N affected calls are answered with 429.</summary>
    public int ThrottleNext { get; init; }

    /// <summary>Length of an occasional latency spike, in milliseconds.</summary>
    public int LatencySpikeMs { get; init; } = 2000;

    /// <summary>Share of affected calls (0.0-1.0) that get a latency spike.</summary>
    public double LatencySpikeRate { get; init; }

    /// <summary>Also apply faults and rate limits to the issuer endpoints (token, discovery, JWKS).</summary>
    public bool ApplyToIssuer { get; init; }

    /// <summary>Returns what is wrong with these settings, or an empty list.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (LatencyMs < 0)
        {
            errors.Add("latencyMs must be >= 0");
        }

        if (ErrorRate is < 0 or > 1 || double.IsNaN(ErrorRate))
        {
            errors.Add("errorRate must be between 0.0 and 1.0");
        }

        if (RateLimitPerMinute < 0)
        {
            errors.Add("rateLimitPerMinute must be >= 0");
        }

        if (ThrottleNext < 0)
        {
            errors.Add("throttleNext must be >= 0");
        }

        if (LatencySpikeMs < 0)
        {
            errors.Add("latencySpikeMs must be >= 0");
        }

        if (LatencySpikeRate is < 0 or > 1 || double.IsNaN(LatencySpikeRate))
        {
            errors.Add("latencySpikeRate must be between 0.0 and 1.0");
        }

        return errors;
    }
}
