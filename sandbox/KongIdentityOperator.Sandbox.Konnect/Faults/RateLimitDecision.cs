namespace KongIdentityOperator.Sandbox.Konnect.Faults;

/// <summary>The outcome of one call against a rate-limit window: allowed or not, and the header values.</summary>
internal readonly record struct RateLimitDecision(bool Allowed, int Limit, int Remaining, int ResetSeconds);
