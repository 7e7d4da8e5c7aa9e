using KongIdentityOperator.Runtime.Metrics;

namespace KongIdentityOperator.Runtime.Queue;

/// <summary>
/// A rate-limited work queue with client-go's semantics:
/// a key is queued at most once however often it is added (de-duplication);
/// a key is handed to at most one worker at a time, and a key added while it is being processed is queued again
/// when that worker calls <see cref="Done"/>;
/// delayed adds keep the earliest due time; failures back off exponentially per key until <see cref="Forget"/>.
/// All timing goes through <see cref="TimeProvider"/>.
/// </summary>
internal sealed class WorkQueue<TKey> : IDisposable
    where TKey : notnull
{
    private readonly TimeProvider _time;
    private readonly ExponentialBackoff _backoff;
    private readonly WorkQueueMetrics _metrics;
    private readonly Lock _lock = new();
    private readonly Queue<TKey> _ready = new();
    private readonly HashSet<TKey> _dirty = [];
    private readonly Dictionary<TKey, long> _processingSince = [];
    private readonly Dictionary<TKey, long> _queuedSince = [];
    private readonly Dictionary<TKey, DateTimeOffset> _waiting = [];
    private readonly Dictionary<TKey, int> _failures = [];
    private readonly SemaphoreSlim _signal = new(0);
    private readonly ITimer _timer;

    public WorkQueue(TimeProvider time, ExponentialBackoff backoff, WorkQueueMetrics metrics)
    {
        _time = time;
        _backoff = backoff;
        _metrics = metrics;
        _timer = time.CreateTimer(_ => PromoteDue(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Keys ready to be handed out.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _ready.Count;
            }
        }
    }

    /// <summary>Keys scheduled for later.</summary>
    public int WaitingCount
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>How many of <paramref name="keys"/> are queued to run now or being processed (scheduled ones excluded).</summary>
    public int CountPending(IEnumerable<TKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_lock)
        {
            return keys.Count(key => _dirty.Contains(key) || _processingSince.ContainsKey(key));
        }
    }

    /// <summary>Queues <paramref name="key"/> now (a no-op if it is already queued).</summary>
    public void Add(TKey key)
    {
        lock (_lock)
        {
            AddLocked(key);
        }
    }

    /// <summary>Queues <paramref name="key"/> after <paramref name="delay"/>; an earlier pending due time wins.</summary>
    public void AddAfter(TKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_lock)
        {
            var due = _time.GetUtcNow() + delay;
            if (_waiting.TryGetValue(key, out var existing) && existing <= due)
            {
                return;
            }

            _waiting[key] = due;
            ScheduleLocked();
        }
    }

    /// <summary>Queues <paramref name="key"/> after its next backoff delay and counts a retry.</summary>
    public TimeSpan AddRateLimited(TKey key)
    {
        TimeSpan delay;
        lock (_lock)
        {
            _failures.TryGetValue(key, out var failures);
            _failures[key] = failures + 1;
            delay = _backoff.Delay(failures);
        }

        _metrics.Retries.Inc();
        AddAfter(key, delay);
        return delay;
    }

    /// <summary>Resets the backoff of <paramref name="key"/> (after a success).</summary>
    public void Forget(TKey key)
    {
        lock (_lock)
        {
            _failures.Remove(key);
        }
    }

    /// <summary>How many times <paramref name="key"/> failed since it was last forgotten.</summary>
    public int NumRequeues(TKey key)
    {
        lock (_lock)
        {
            return _failures.GetValueOrDefault(key);
        }
    }

    /// <summary>Waits for the next key; the caller must call <see cref="Done"/> with it when finished.</summary>
    public async Task<TKey> GetAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await _signal.WaitAsync(cancellationToken);
            lock (_lock)
            {
                // A signal can outlive its key when the queue was cleared; wait for the next one.
                if (!_ready.TryDequeue(out var key))
                {
                    continue;
                }

                _dirty.Remove(key);
                var now = _time.GetTimestamp();
                _processingSince[key] = now;
                if (_queuedSince.Remove(key, out var since))
                {
                    _metrics.QueueDuration.Observe(_time.GetElapsedTime(since, now).TotalSeconds);
                }

                _metrics.Depth.Set(_ready.Count);
                return key;
            }
        }
    }

    /// <summary>Marks <paramref name="key"/> as processed; if it was added meanwhile, it is queued again.</summary>
    public void Done(TKey key)
    {
        lock (_lock)
        {
            if (_processingSince.Remove(key, out var since))
            {
                _metrics.WorkDuration.Observe(_time.GetElapsedTime(since).TotalSeconds);
            }

            if (_dirty.Contains(key))
            {
                EnqueueLocked(key);
            }
        }
    }

    /// <summary>Drops every queued, scheduled and failing key (keys being processed finish normally).</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _ready.Clear();
            _dirty.Clear();
            _queuedSince.Clear();
            _waiting.Clear();
            _failures.Clear();
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _metrics.Depth.Set(0);
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _signal.Dispose();
    }

    private void AddLocked(TKey key)
    {
        if (!_dirty.Add(key))
        {
            return;
        }

        _metrics.Adds.Inc();
        _queuedSince[key] = _time.GetTimestamp();
        if (!_processingSince.ContainsKey(key))
        {
            EnqueueLocked(key);
        }
    }

    private void EnqueueLocked(TKey key)
    {
        _ready.Enqueue(key);
        _metrics.Depth.Set(_ready.Count);
        _signal.Release();
    }

    private void PromoteDue()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            foreach (var (key, due) in _waiting.Where(w => w.Value <= now).ToList())
            {
                _waiting.Remove(key);
                AddLocked(key);
            }

            ScheduleLocked();
        }
    }

    private void ScheduleLocked()
    {
        if (_waiting.Count == 0)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var next = _waiting.Values.Min() - _time.GetUtcNow();
        _timer.Change(next < TimeSpan.Zero ? TimeSpan.Zero : next, Timeout.InfiniteTimeSpan);
    }
}
