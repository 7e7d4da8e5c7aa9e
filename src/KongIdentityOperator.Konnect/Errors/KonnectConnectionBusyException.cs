namespace KongIdentityOperator.Konnect.Errors;

/// <summary>
/// No request was sent: the connection (server URL and token) already has its limit of calls in flight, because its
/// server is slow or not answering, and no slot freed up within a short wait. The caller should try again later
/// rather than wait, so that its worker serves other connections meanwhile. The message names the server, never the token.
/// </summary>
public sealed class KonnectConnectionBusyException : Exception
{
    public KonnectConnectionBusyException()
    {
    }

    public KonnectConnectionBusyException(string message)
        : base(message)
    {
    }

    public KonnectConnectionBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>When to try again: soon for a connection that may only be busy; null for a stuck one (back off).</summary>
    public TimeSpan? RetryAfter { get; init; }
}
