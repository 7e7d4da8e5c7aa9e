namespace KongIdentityOperator.Sandbox.Konnect.Issuer;

/// <summary>Ends a token-endpoint call with an RFC 6749 §5.2 error body.</summary>
internal sealed class OAuthException : Exception
{
    public OAuthException()
        : this(400, "invalid_request", "invalid request")
    {
    }

    public OAuthException(string message)
        : this(400, "invalid_request", message)
    {
    }

    public OAuthException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 400;
        Error = "invalid_request";
    }

    public OAuthException(int status, string error, string description)
        : base(description)
    {
        Status = status;
        Error = error;
    }

    public int Status { get; }

    public string Error { get; } = "invalid_request";

    /// <summary>Seconds for a <c>Retry-After</c> header (429 only).</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Whether the client tried HTTP Basic, so a 401 must carry a <c>WWW-Authenticate</c> challenge.</summary>
    public bool BasicChallenge { get; init; }

    public static OAuthException InvalidClient(bool basic) =>
        new(401, "invalid_client", "Client authentication failed (unknown client, wrong secret or disabled secret).") { BasicChallenge = basic };

    /// <summary>
    /// Too many token requests this second. Real Konnect's answer is unconfirmed; <c>temporarily_unavailable</c> is
    /// the registered OAuth error code closest to "overloaded, try again".
    /// </summary>
    public static OAuthException RateLimited(int perSecond, int retryAfterSeconds) =>
        new(429, "temporarily_unavailable", $"Limit exceeded: an auth server accepts at most {perSecond} token requests per second.")
        {
            RetryAfterSeconds = retryAfterSeconds,
        };

    public static OAuthException InvalidScope(string scope) =>
        new(400, "invalid_scope", $"The requested scope '{scope}' is invalid, unknown, disabled or not allowed for this client.");
}
