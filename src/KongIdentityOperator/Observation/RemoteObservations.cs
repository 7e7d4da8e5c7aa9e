using System.Collections.Concurrent;
using KongIdentityOperator.Konnect.Observability;

namespace KongIdentityOperator.Observation;

/// <summary>
/// The operator's short-lived memory of Konnect, shared by all reconciles: one <see cref="RemoteCollection{T}"/> per
/// (connection, parent, kind). It turns a resync or a bulk apply of N children into one list read of N/100 pages
/// instead of N GETs, and lets the reconcile that follows our own write (e.g. woken by the Secret it wrote) use the
/// write's answer. Any DELETE the client sends forgets everything, so that an object deleted and created again is
/// never mistaken for the old one. What is no longer fresh is dropped periodically, so the memory is transient.
/// </summary>
internal sealed class RemoteObservations : IKonnectCallObserver, IDisposable
{
    private readonly ConcurrentDictionary<RemoteCollectionKey, IRemoteCollection> _collections = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _freshness;
    private readonly ITimer _pruning;

    public RemoteObservations(TimeProvider time, RemoteObservationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _time = time;
        _freshness = settings.Freshness;
        _pruning = time.CreateTimer(_ => Prune(), null, _freshness, _freshness);
    }

    public RemoteCollection<T> Collection<T>(RemoteCollectionKey key)
        where T : class =>
        (RemoteCollection<T>)_collections.GetOrAdd(key, static (_, self) => new RemoteCollection<T>(self._time, self._freshness), this);

    public void OnAttempt(KonnectCallAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (attempt.Method == HttpMethod.Delete.Method)
        {
            foreach (var collection in _collections.Values)
            {
                collection.Invalidate();
            }
        }
    }

    public void Dispose() => _pruning.Dispose();

    internal void Prune()
    {
        foreach (var (key, collection) in _collections)
        {
            if (collection.Prune())
            {
                _collections.TryRemove(new KeyValuePair<RemoteCollectionKey, IRemoteCollection>(key, collection));
            }
        }
    }
}
