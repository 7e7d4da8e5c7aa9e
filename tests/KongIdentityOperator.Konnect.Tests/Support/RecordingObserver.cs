using System.Collections.Concurrent;
using KongIdentityOperator.Konnect.Observability;

namespace KongIdentityOperator.Konnect.Tests.Support;

/// <summary>Keeps every attempt the client reports.</summary>
public sealed class RecordingObserver : IKonnectCallObserver
{
    private readonly ConcurrentQueue<KonnectCallAttempt> _attempts = new();

    public IReadOnlyList<KonnectCallAttempt> Attempts => [.. _attempts];

    public void OnAttempt(KonnectCallAttempt attempt) => _attempts.Enqueue(attempt);
}
