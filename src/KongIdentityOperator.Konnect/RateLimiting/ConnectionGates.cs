using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace KongIdentityOperator.Konnect.RateLimiting;

/// <summary>
/// Bounds the calls in flight per connection (server URL and token). A call finding every slot taken waits briefly
/// (<see cref="KonnectClientOptions.MaxInFlightWait"/>) only while the connection is moving — one of its calls ended
/// within the last second, so a slot is about to free up. A connection whose calls are all stuck (a slow or hanging
/// server) refuses at once: it holds at most its limit of workers, and costs the others nothing.
/// </summary>
internal sealed class ConnectionGates(IOptions<KonnectClientOptions> options, TimeProvider time)
{
    /// <summary>A connection none of whose calls ended for this long is stuck: nobody waits for it.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<KonnectRateLimitKey, Gate> _gates = new();
    private readonly KonnectClientOptions _options = options.Value;

    public int Limit => _options.MaxInFlightPerConnection;

    /// <summary>Takes a slot of <paramref name="key"/>; false when none is free (soon). Call <see cref="Exit"/> after a true.</summary>
    public async Task<bool> TryEnterAsync(KonnectRateLimitKey key, CancellationToken cancellationToken)
    {
        var gate = GateOf(key);
        if (gate.Slots.Wait(0, CancellationToken.None))
        {
            return true;
        }

        if (_options.MaxInFlightWait <= TimeSpan.Zero || time.GetElapsedTime(Volatile.Read(ref gate.LastExit)) > StuckAfter)
        {
            return false;
        }

        using var timeout = new CancellationTokenSource(_options.MaxInFlightWait, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await gate.Slots.WaitAsync(either.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Exit(KonnectRateLimitKey key)
    {
        var gate = GateOf(key);
        Volatile.Write(ref gate.LastExit, time.GetTimestamp());
        gate.Slots.Release();
    }

    /// <summary>Calls in flight now for <paramref name="key"/>.</summary>
    public int InFlight(KonnectRateLimitKey key) => _gates.TryGetValue(key, out var gate) ? Limit - gate.Slots.CurrentCount : 0;

    private Gate GateOf(KonnectRateLimitKey key) =>
        _gates.GetOrAdd(key, static (_, state) => new Gate(state.Limit, state.time.GetTimestamp()), (Limit, time));

    [SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable", Justification = "A SemaphoreSlim whose AvailableWaitHandle is never used holds nothing to free; disposing it at shutdown could fail a call still releasing its slot.")]
    private sealed class Gate(int limit, long createdAt)
    {
        public readonly SemaphoreSlim Slots = new(limit, limit);

        // When a call of this connection last ended (or when it was first used): how a stuck connection is told apart.
        public long LastExit = createdAt;
    }
}
