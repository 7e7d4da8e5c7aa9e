using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace KongIdentityOperator.Konnect.RateLimiting;

/// <summary>
/// Bounds the calls in flight per connection (server URL and token). A call finding every slot taken waits briefly
/// (<see cref="KonnectClientOptions.MaxInFlightWait"/>) only while the connection is moving — one of its calls ended
/// within the last second, so a slot is about to free up. Nobody waits otherwise: a connection none of whose calls
/// ever ended is refused with a retry after that short wait (it may be a healthy one in its first burst, or a server
/// that hangs: waiting would hold a worker either way), and one whose calls have all been stuck for a second is
/// refused with no hint, so the caller's backoff spaces it out. It holds at most its limit of workers, and costs the
/// others nothing.
/// </summary>
internal sealed class ConnectionGates(IOptions<KonnectClientOptions> options, TimeProvider time)
{
    /// <summary>A connection none of whose calls ended for this long is stuck: nobody waits for it.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromSeconds(1);

    private const long Never = long.MinValue;

    private readonly ConcurrentDictionary<KonnectRateLimitKey, Gate> _gates = new();
    private readonly KonnectClientOptions _options = options.Value;

    public int Limit => _options.MaxInFlightPerConnection;

    /// <summary>Takes a slot of <paramref name="key"/>, or says when to try again. Call <see cref="Exit"/> after an entry.</summary>
    public async Task<GateEntry> TryEnterAsync(KonnectRateLimitKey key, CancellationToken cancellationToken)
    {
        var gate = GateOf(key);
        if (gate.Slots.Wait(0, CancellationToken.None))
        {
            return GateEntry.Granted;
        }

        var wait = _options.MaxInFlightWait;
        if (wait <= TimeSpan.Zero)
        {
            return GateEntry.Refused(null);
        }

        var lastExit = Volatile.Read(ref gate.LastExit);
        if (lastExit == Never)
        {
            // Nothing is known yet: retry soon, but without holding the worker meanwhile.
            return GateEntry.Refused(time.GetElapsedTime(gate.CreatedAt) <= StuckAfter ? wait : null);
        }

        if (time.GetElapsedTime(lastExit) > StuckAfter)
        {
            return GateEntry.Refused(null);
        }

        using var timeout = new CancellationTokenSource(wait, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await gate.Slots.WaitAsync(either.Token).ConfigureAwait(false);
            return GateEntry.Granted;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return GateEntry.Refused(wait);
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

        public readonly long CreatedAt = createdAt;

        // When a call of this connection last ended (Never until one has): how a moving connection is told from a stuck one.
        public long LastExit = Never;
    }
}
