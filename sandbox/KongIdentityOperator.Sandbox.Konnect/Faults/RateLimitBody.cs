namespace KongIdentityOperator.Sandbox.Konnect.Faults;

/// <summary>The 429 body Konnect's gateway sends: <c>{"message":"API rate limit exceeded"}</c>.</summary>
internal sealed record RateLimitBody(string Message);
