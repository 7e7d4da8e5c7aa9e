using KongIdentityOperator.Runtime.Tests.TestEntities;

namespace KongIdentityOperator.Runtime.Tests.Integration;

/// <summary>Records what the runtime asked of the test controller, and how many calls overlapped.</summary>
internal sealed class ReconcileRecorder
{
    private readonly Lock _lock = new();
    private readonly List<ReconcileCall> _calls = [];
    private readonly Dictionary<string, int> _inFlightPerKey = [];
    private int _inFlight;

    public int MaxInFlight { get; private set; }

    public int MaxInFlightPerKey { get; private set; }

    public int InFlight
    {
        get
        {
            lock (_lock)
            {
                return _inFlight;
            }
        }
    }

    public IReadOnlyList<ReconcileCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    public int Count(string method, string key) => Calls.Count(c => c.Method == method && c.Key == key);

    public int Count(string method) => Calls.Count(c => c.Method == method);

    public IDisposable Enter(string method, Widget widget)
    {
        var key = $"{widget.Metadata.NamespaceProperty}/{widget.Metadata.Name}";
        lock (_lock)
        {
            _calls.Add(new ReconcileCall(
                method,
                key,
                widget.Metadata.Generation,
                widget.Metadata.ResourceVersion,
                [.. widget.Metadata.Finalizers ?? []],
                widget.Metadata.DeletionTimestamp is not null,
                widget.Spec.Value));
            _inFlight++;
            MaxInFlight = Math.Max(MaxInFlight, _inFlight);
            var perKey = _inFlightPerKey.GetValueOrDefault(key) + 1;
            _inFlightPerKey[key] = perKey;
            MaxInFlightPerKey = Math.Max(MaxInFlightPerKey, perKey);
        }

        return new Exit(this, key);
    }

    private sealed class Exit(ReconcileRecorder recorder, string key) : IDisposable
    {
        public void Dispose()
        {
            lock (recorder._lock)
            {
                recorder._inFlight--;
                recorder._inFlightPerKey[key]--;
            }
        }
    }
}
