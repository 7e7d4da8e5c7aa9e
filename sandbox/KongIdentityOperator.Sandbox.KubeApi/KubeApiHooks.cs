using KongIdentityOperator.Sandbox.KubeApi.Storage;

namespace KongIdentityOperator.Sandbox.KubeApi;

/// <summary>
/// Fault injection for tests: drop watches, fail writes, add latency, compact the watch history, emit bookmarks.
/// The same operations are served over HTTP under <c>/_sandbox/</c> for out-of-process use.
/// </summary>
public sealed class KubeApiHooks
{
    private readonly ObjectStore _store;
    private readonly Lock _gate = new();
    private int _failuresLeft;
    private int _failureStatus = 409;
    private long _latencyTicks;

    internal KubeApiHooks(ObjectStore store) => _store = store;

    /// <summary>The delay added before each API request is answered.</summary>
    public TimeSpan Latency => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));

    /// <summary>Closes every open watch stream; clients see the stream end and must re-watch.</summary>
    public void DropAllWatches() => _store.DropAllWatches();

    /// <summary>Answers the next <paramref name="count"/> writes (create, update, patch, delete) with <paramref name="status"/>.</summary>
    public void FailNextWrites(int count, int status = 409)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        lock (_gate)
        {
            _failuresLeft = count;
            _failureStatus = status;
        }
    }

    /// <summary>Delays every API request by <paramref name="latency"/> (on the server's TimeProvider).</summary>
    public void SetLatency(TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        Interlocked.Exchange(ref _latencyTicks, latency.Ticks);
    }

    /// <summary>Forgets the watch history: resuming from any earlier resourceVersion gets 410 Expired.</summary>
    public void CompactHistory() => _store.CompactHistory();

    /// <summary>Sends a BOOKMARK now to every watch that allows bookmarks.</summary>
    public void EmitBookmarks() => _store.EmitBookmarks();

    internal bool TryTakeWriteFailure(out int status)
    {
        lock (_gate)
        {
            status = _failureStatus;
            if (_failuresLeft == 0)
            {
                return false;
            }

            _failuresLeft--;
            return true;
        }
    }
}
