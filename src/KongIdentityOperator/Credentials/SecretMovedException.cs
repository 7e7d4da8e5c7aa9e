namespace KongIdentityOperator.Credentials;

/// <summary>
/// The credentials Secret no longer holds the version a reconcile was about to hand to Konnect (someone edited or
/// deleted it meanwhile). Expected, not a fault: the Client controller turns it into an immediate requeue.
/// </summary>
internal sealed class SecretMovedException : Exception
{
    public SecretMovedException()
    {
    }

    public SecretMovedException(string message)
        : base(message)
    {
    }

    public SecretMovedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
