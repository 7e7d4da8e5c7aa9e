using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Builder;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Runtime.Finalizer;
using KongIdentityOperator.Runtime.LeaderElection;
using KongIdentityOperator.Runtime.Metrics;
using KongIdentityOperator.Runtime.Queue;
using KongIdentityOperator.Runtime.Reconciliation;
using KongIdentityOperator.Runtime.Watcher;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KongIdentityOperator.Runtime.Hosting;

/// <summary>
/// Runs one controller: turns relevant cache changes (primary and secondary) into queue keys, resyncs periodically,
/// and, while this replica leads, runs <c>MaxConcurrentReconciles</c> workers. Losing leadership cancels in-flight
/// reconciles and clears the queue; regaining it re-enqueues every cached object. Stopping the host stops intake
/// first and lets in-flight reconciles finish until the host's shutdown timeout.
/// </summary>
internal sealed partial class ControllerHostedService<TEntity> : IHostedService, IDisposable
    where TEntity : class, IKubernetesObject<V1ObjectMeta>, new()
{
    private readonly ControllerRegistration<TEntity> _registration;
    private readonly ResourceInformer<TEntity> _informer;
    private readonly Leadership _leadership;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TriggerPredicate _predicate;
    private readonly ControllerMetrics _metrics;
    private readonly CancellationTokenSource _intake = new();
    private readonly CancellationTokenSource _abort = new();
    private ITimer? _resync;
    private Task _supervisor = Task.CompletedTask;
    private volatile bool _accepting;

    public ControllerHostedService(
        ControllerRegistration<TEntity> registration,
        ResourceInformer<TEntity> informer,
        IEnumerable<FinalizerRegistration<TEntity>> finalizers,
        FinalizerWriter finalizerWriter,
        Leadership leadership,
        OperatorSettings settings,
        MetricsRegistry metrics,
        TimeProvider time,
        IServiceProvider services,
        ILogger<ControllerHostedService<TEntity>> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _registration = registration;
        _informer = informer;
        _leadership = leadership;
        _services = services;
        _time = time;
        _logger = logger;
        var identifiers = finalizers.Select(f => f.Identifier).Distinct(StringComparer.Ordinal).ToList();
        _predicate = new TriggerPredicate(registration.TriggerAnnotations, identifiers, registration.TriggerLabels);
        _metrics = new ControllerMetrics(metrics, registration.Name, registration.MaxConcurrentReconciles);
        Queue = new WorkQueue<EntityKey>(
            time,
            new ExponentialBackoff(settings.ErrorBackoffBase, settings.ErrorBackoffMax),
            new WorkQueueMetrics(metrics, registration.Name));
        Activity = new ReconcileActivity(registration.Name, time);
        Reconciler = new Reconciler<TEntity>(informer.Cache, identifiers, registration.AutoAttachFinalizers, finalizerWriter, services.GetRequiredService<IServiceScopeFactory>(), logger);
    }

    public string Name => _registration.Name;

    /// <summary>Whether the host asked this controller to stop (it takes no new work from then on).</summary>
    internal bool IsStopping => _intake.IsCancellationRequested;

    internal WorkQueue<EntityKey> Queue { get; }

    internal Reconciler<TEntity> Reconciler { get; }

    /// <summary>The reconciles in progress (liveness).</summary>
    internal ReconcileActivity Activity { get; }

    /// <summary>The <see cref="EntityQueue{TEntity}"/> given to controllers.</summary>
    public Task<bool> EnqueueAsync(TEntity entity, TimeSpan queueIn)
    {
        if (!_accepting)
        {
            return Task.FromResult(false);
        }

        Queue.AddAfter(EntityKey.From(entity), queueIn);
        return Task.FromResult(true);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _informer.Subscribe(OnChange);
        foreach (var watch in _registration.Watches)
        {
            watch.Connect(_services, _informer.Cache, Enqueue);
        }

        if (_registration.ResyncPeriod > TimeSpan.Zero)
        {
            _resync = _time.CreateTimer(_ => Resync(), null, NextResync(), Timeout.InfiniteTimeSpan);
        }

        _supervisor = Task.Run(SuperviseAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Take no new work; let in-flight reconciles finish unless the host's shutdown timeout runs out. Cancel()
        // rather than CancelAsync(): the workers' linked tokens must be cancelled before a worker asks for its next key.
        _intake.Cancel();
        await using var abort = cancellationToken.Register(_abort.Cancel);
        await _supervisor;
        _resync?.Dispose();
    }

    public void Dispose()
    {
        _resync?.Dispose();
        Queue.Dispose();
        _intake.Dispose();
        _abort.Dispose();
    }

    private void OnChange(EntityChange<TEntity> change)
    {
        Reconciler.OnCached(change);
        if (!_accepting || !_predicate.ShouldReconcile(change.Type, change.Old?.Metadata, change.Current.Metadata))
        {
            return;
        }

        if (change.Type == WatchEventType.Deleted)
        {
            Reconciler.RecordDeletion(change.Current);
        }

        Queue.Add(EntityKey.From(change.Current));
    }

    private void Enqueue(EntityKey key)
    {
        if (_accepting)
        {
            Queue.Add(key);
        }
    }

    private void Resync()
    {
        if (_accepting)
        {
            foreach (var key in _informer.Cache.Keys())
            {
                Queue.Add(key);
            }
        }

        _resync?.Change(NextResync(), Timeout.InfiniteTimeSpan);
    }

    // ±10% so that replicas and controllers started together do not resync in step.
    private TimeSpan NextResync() => _registration.ResyncPeriod * (0.9 + (0.2 * Random.Shared.NextDouble()));

    private async Task SuperviseAsync()
    {
        while (!_intake.IsCancellationRequested)
        {
            CancellationToken term;
            try
            {
                term = await _leadership.WaitForLeadershipAsync(_intake.Token);
                using var waitSync = CancellationTokenSource.CreateLinkedTokenSource(_intake.Token, term);

                // Every cache, not only this kind's: a reconcile reads the kinds it references too, and one that runs
                // before their lists arrive takes "not listed yet" for "does not exist" (a finalizer would let go).
                await Task.WhenAll(_services.GetServices<IResourceInformer>().Select(i => i.WaitForSyncAsync(waitSync.Token)));
            }
            catch (OperationCanceledException)
            {
                continue;
            }

            LogLeading(_logger, Name, _registration.MaxConcurrentReconciles);
            _accepting = true;
            foreach (var key in _informer.Cache.Keys())
            {
                Queue.Add(key);
            }

            using (var intake = CancellationTokenSource.CreateLinkedTokenSource(_intake.Token, term))
            using (var reconcile = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token, term))
            {
                var workers = Enumerable.Range(0, _registration.MaxConcurrentReconciles)
                    .Select(_ => Task.Run(() => WorkAsync(intake.Token, reconcile.Token), CancellationToken.None));
                await Task.WhenAll(workers);
            }

            _accepting = false;
            Queue.Clear();
            Reconciler.ClearDeletions();
            LogStoppedWorkers(_logger, Name, term.IsCancellationRequested);
        }
    }

    private async Task WorkAsync(CancellationToken intake, CancellationToken reconcile)
    {
        while (true)
        {
            EntityKey key;
            try
            {
                key = await Queue.GetAsync(intake);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _metrics.ActiveWorkers.Inc();
            try
            {
                await ProcessAsync(key, reconcile);
            }
            finally
            {
                _metrics.ActiveWorkers.Dec();
                Queue.Done(key);
            }
        }
    }

    // Catches everything on purpose: a failing reconcile is retried with backoff; it must not kill the worker.
    private async Task ProcessAsync(EntityKey key, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        using var running = Activity.Begin(key.ToString());
        string? result;
        try
        {
            var outcome = await Reconciler.ReconcileAsync(key, cancellationToken);
            result = Handle(key, outcome);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Leadership lost or shutdown timed out: not a failure of the object.
            LogCancelled(_logger, Name, key.ToString());
            result = null;
        }
        catch (Exception e)
        {
            _metrics.Errors.Inc();
            var delay = Queue.AddRateLimited(key);
            LogException(_logger, Name, key.ToString(), delay, e);
            result = ControllerMetrics.Error;
        }

        _metrics.ReconcileTime.Observe(_time.GetElapsedTime(started).TotalSeconds);
        if (result is not null)
        {
            _metrics.CountResult(result);
        }
    }

    private string Handle(EntityKey key, ReconciliationResult<TEntity>? outcome)
    {
        if (outcome is null || outcome.IsSuccess)
        {
            Queue.Forget(key);
            if (outcome?.RequeueAfter is { } after)
            {
                Queue.AddAfter(key, after);
                return ControllerMetrics.RequeueAfter;
            }

            return ControllerMetrics.Success;
        }

        _metrics.Errors.Inc();
        if (outcome.RequeueAfter is { } requeueAfter)
        {
            Queue.AddAfter(key, requeueAfter);
            LogFailure(_logger, Name, key.ToString(), requeueAfter, outcome.ErrorMessage);
        }
        else
        {
            var delay = Queue.AddRateLimited(key);
            LogFailure(_logger, Name, key.ToString(), delay, outcome.ErrorMessage);
        }

        return ControllerMetrics.Error;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Controller {Controller} is leading: starting {Workers} workers")]
    private static partial void LogLeading(ILogger logger, string controller, int workers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Controller {Controller} stopped its workers (leadership lost: {LeadershipLost})")]
    private static partial void LogStoppedWorkers(ILogger logger, string controller, bool leadershipLost);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Controller {Controller}: reconcile of {Key} cancelled")]
    private static partial void LogCancelled(ILogger logger, string controller, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Controller {Controller}: reconcile of {Key} failed, retrying in {Delay}: {ErrorMessage}")]
    private static partial void LogFailure(ILogger logger, string controller, string key, TimeSpan delay, string errorMessage);

    [LoggerMessage(Level = LogLevel.Error, Message = "Controller {Controller}: reconcile of {Key} threw, retrying in {Delay}")]
    private static partial void LogException(ILogger logger, string controller, string key, TimeSpan delay, Exception exception);
}
