namespace KongIdentityOperator.Runtime.Client;

/// <summary>
/// When the API server last answered a request of this process (any HTTP status counts: it answered). Liveness uses it
/// to tell a stuck watch from an unreachable server, which a restart would not cure.
/// </summary>
public sealed class ApiServerContact(TimeProvider time)
{
    private long _lastAnswer;
    private int _answered;

    /// <summary>Records an answer now.</summary>
    public void Answered()
    {
        Volatile.Write(ref _lastAnswer, time.GetTimestamp());
        Volatile.Write(ref _answered, 1);
    }

    /// <summary>Time since the last answer; null before the first.</summary>
    public TimeSpan? SinceLastAnswer => Volatile.Read(ref _answered) == 0 ? null : time.GetElapsedTime(Volatile.Read(ref _lastAnswer));
}
