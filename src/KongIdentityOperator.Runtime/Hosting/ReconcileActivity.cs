using System.Collections.Concurrent;

namespace KongIdentityOperator.Runtime.Hosting;

/// <summary>The reconciles a controller's workers are in, with their start times, for liveness.</summary>
internal sealed class ReconcileActivity(string controller, TimeProvider time)
{
    private readonly ConcurrentDictionary<long, (string Key, long Started)> _running = new();
    private long _next;

    public string Controller { get; } = controller;

    /// <summary>Marks a reconcile as started; dispose the result when it ends.</summary>
    public Scope Begin(string key)
    {
        var id = Interlocked.Increment(ref _next);
        _running[id] = (key, time.GetTimestamp());
        return new Scope(this, id);
    }

    /// <summary>The reconcile running longest and for how long; null when none runs.</summary>
    public (string Key, TimeSpan Duration)? Longest()
    {
        (string Key, TimeSpan Duration)? longest = null;
        foreach (var (key, started) in _running.Values)
        {
            var duration = time.GetElapsedTime(started);
            if (longest is null || duration > longest.Value.Duration)
            {
                longest = (key, duration);
            }
        }

        return longest;
    }

    internal readonly struct Scope(ReconcileActivity owner, long id) : IDisposable
    {
        public void Dispose() => owner._running.TryRemove(id, out _);
    }
}
