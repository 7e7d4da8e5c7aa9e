using System.Collections.Concurrent;
using System.Reflection;
using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Builder;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Entities;
using KongIdentityOperator.Runtime.Entities.Attributes;
using KongIdentityOperator.Runtime.Queue;
using Microsoft.Extensions.Logging;

namespace KongIdentityOperator.Runtime.Watcher;

/// <summary>
/// The one watch and cache of a kind in this process (controller-runtime's shared informer): one watcher per
/// watched namespace (or one for all) and label selector, feeding an <see cref="EntityCache{TEntity}"/> (through a
/// <see cref="SelectorUnion{TEntity}"/> when several selectors are watched) and fanning every real change out to
/// subscribers (controllers of the kind and secondary watches mapping it to other kinds).
/// </summary>
internal sealed partial class ResourceInformer<TEntity> : IResourceInformer
    where TEntity : class, IKubernetesObject<V1ObjectMeta>, new()
{
    private readonly ILogger _logger;
    private readonly IReadOnlyList<ResourceWatcher<TEntity>> _watchers;
    private readonly SelectorUnion<TEntity>? _union;
    private readonly ConcurrentDictionary<string, byte> _listed = new(StringComparer.Ordinal);
    private readonly Lock _subscribersLock = new();
    private Action<EntityChange<TEntity>>[] _subscribers = [];
    private CancellationTokenSource? _stopping;
    private Task _running = Task.CompletedTask;

    public ResourceInformer(
        IKubernetesClient client,
        InformerOptions<TEntity> options,
        OperatorSettings settings,
        TimeProvider time,
        ILogger<ResourceInformer<TEntity>> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        _logger = logger;
        Kind = EntityApiInfo.For<TEntity>().Kind;
        Cache = new EntityCache<TEntity>(options.KeepObjects, options.Indexers);
        var watcherSettings = new WatcherSettings(new ExponentialBackoff(settings.WatchBackoffBase, settings.WatchBackoffMax), settings.WatchTimeout);
        var clusterScoped = typeof(TEntity).GetCustomAttribute<EntityScopeAttribute>()?.Scope == EntityScope.Cluster;
        string?[] namespaces = clusterScoped || settings.Namespaces.Count == 0 ? [null] : [.. settings.Namespaces.Distinct(StringComparer.Ordinal)];
        var selectors = options.LabelSelectors;
        _union = selectors.Count > 1 ? new SelectorUnion<TEntity>(Cache) : null;
        _watchers =
        [
            .. from ns in namespaces
               from source in Enumerable.Range(0, selectors.Count)
               select new ResourceWatcher<TEntity>(client, ns, selectors[source], watcherSettings, new Source(this, source), time, logger),
        ];
    }

    public string Kind { get; }

    public EntityCache<TEntity> Cache { get; }

    public bool HasSynced => Cache.HasSynced;

    public TimeSpan LongestWatchSilence => _watchers.Count == 0 ? TimeSpan.Zero : _watchers.Max(w => w.SinceProgress);

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => Cache.WaitForSyncAsync(cancellationToken);

    /// <summary>Registers a handler for every real change (not for re-deliveries of a version already cached).</summary>
    public void Subscribe(Action<EntityChange<TEntity>> handler)
    {
        lock (_subscribersLock)
        {
            _subscribers = [.. _subscribers, handler];
        }
    }

    public void Start(CancellationToken cancellationToken)
    {
        if (_stopping is not null)
        {
            return;
        }

        _stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = _stopping.Token;
        _running = Task.WhenAll(_watchers.Select(w => Task.Run(() => w.RunAsync(token), CancellationToken.None)));
    }

    public async Task StopAsync()
    {
        // Idempotent: a host may be stopped more than once (a hard stop, then a dispose).
        if (Interlocked.Exchange(ref _stopping, null) is not { } stopping)
        {
            return;
        }

        await stopping.CancelAsync();
        await _running;
        stopping.Dispose();
    }

    private void OnList(int source, string? @namespace, IReadOnlyList<TEntity> items)
    {
        foreach (var change in _union is null ? Cache.Replace(@namespace, items) : _union.Replace(source, @namespace, items))
        {
            Publish(change);
        }

        // Synced once every watched namespace has been listed at least once with every selector.
        _listed.TryAdd($"{source}/{@namespace}", 0);
        if (_listed.Count >= _watchers.Count)
        {
            Cache.MarkSynced();
        }
    }

    private void OnEvent(int source, WatchEventType type, TEntity entity)
    {
        if ((_union is null ? Cache.Apply(type, entity) : _union.Apply(source, type, entity)) is { } change)
        {
            Publish(change);
        }
    }

    // Catches everything on purpose: a failing subscriber must not stop the watch.
    private void Publish(EntityChange<TEntity> change)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try
            {
                subscriber(change);
            }
            catch (Exception e)
            {
                LogSubscriberFailed(_logger, Kind, change.Current.Metadata?.NamespaceProperty, change.Current.Metadata?.Name, e);
            }
        }
    }

    /// <summary>What one watcher reads, tagged with the index of its label selector.</summary>
    private sealed class Source(ResourceInformer<TEntity> informer, int index) : IWatchHandler<TEntity>
    {
        public void OnList(string? @namespace, IReadOnlyList<TEntity> items) => informer.OnList(index, @namespace, items);

        public void OnEvent(WatchEventType type, TEntity entity) => informer.OnEvent(index, type, entity);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A handler of {Kind} changes failed for {Namespace}/{Name}")]
    private static partial void LogSubscriberFailed(ILogger logger, string kind, string? @namespace, string? name, Exception exception);
}
