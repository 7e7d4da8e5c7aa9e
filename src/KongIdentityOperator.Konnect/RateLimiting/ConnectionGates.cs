using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace KongIdentityOperator.Konnect.RateLimiting;

/// <summary>
/// Bounds the calls in flight per connection (server URL and token). A call waits for a slot only briefly
/// (<see cref="KonnectClientOptions.MaxInFlightWait"/>), long enough for a healthy server to finish another call; a
/// connection whose server is slow or hanging refuses it, so it holds at most its limit of workers.
/// </summary>
internal sealed class ConnectionGates(IOptions<KonnectClientOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<KonnectRateLimitKey, SemaphoreSlim> _slots = new();
    private readonly KonnectClientOptions _options = options.Value;

    public int Limit => _options.MaxInFlightPerConnection;

    /// <summary>Takes a slot of <paramref name="key"/>, waiting briefly; false when none freed up. Call <see cref="Exit"/> after a true.</summary>
    public async Task<bool> TryEnterAsync(KonnectRateLimitKey key, CancellationToken cancellationToken)
    {
        var slots = Slots(key);
        if (slots.Wait(0, CancellationToken.None))
        {
            return true;
        }

        if (_options.MaxInFlightWait <= TimeSpan.Zero)
        {
            return false;
        }

        using var timeout = new CancellationTokenSource(_options.MaxInFlightWait, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await slots.WaitAsync(either.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Exit(KonnectRateLimitKey key) => Slots(key).Release();

    /// <summary>Calls in flight now for <paramref name="key"/>.</summary>
    public int InFlight(KonnectRateLimitKey key) => _slots.TryGetValue(key, out var slots) ? Limit - slots.CurrentCount : 0;

    private SemaphoreSlim Slots(KonnectRateLimitKey key) =>
        _slots.GetOrAdd(key, static (_, limit) => new SemaphoreSlim(limit, limit), _options.MaxInFlightPerConnection);
}
