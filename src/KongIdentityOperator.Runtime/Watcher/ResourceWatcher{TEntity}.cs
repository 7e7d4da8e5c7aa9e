using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Client;
using Microsoft.Extensions.Logging;

namespace KongIdentityOperator.Runtime.Watcher;

/// <summary>
/// Keeps one list+watch of a kind open (client-go's reflector): lists, then watches from the list's
/// <c>resourceVersion</c> with bookmarks, advancing the version with every event. A 410 (Expired) relists at once;
/// any other error reconnects from the last version after a capped, jittered exponential backoff. It stops only
/// when cancelled.
/// </summary>
internal sealed partial class ResourceWatcher<TEntity>(
    IKubernetesClient client,
    string? @namespace,
    string? labelSelector,
    WatcherSettings settings,
    IWatchHandler<TEntity> handler,
    TimeProvider time,
    ILogger logger)
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly string _kind = EntityApiInfo.For<TEntity>().Kind;
    private readonly string _scope = @namespace ?? "*";
    private int _failures;
    private volatile bool _synced;
    private long _progressAt = time.GetTimestamp();

    // Advanced by every event as it is handled, so that a watch failing mid-stream resumes after the last handled
    // event rather than replaying (and briefly regressing to) older versions.
    private string? _resourceVersion;

    public bool HasSynced => _synced;

    /// <summary>Time since the last event, bookmark, completed list or completed watch request (liveness).</summary>
    public TimeSpan SinceProgress => time.GetElapsedTime(Volatile.Read(ref _progressAt));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var goneStreak = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (_resourceVersion is null)
                {
                    var list = await client.ListWithResourceVersionAsync<TEntity>(@namespace, labelSelector, cancellationToken);
                    handler.OnList(@namespace, list.Items);
                    _resourceVersion = list.ResourceVersion;
                    _synced = true;
                    Progressed();
                    LogListed(logger, _kind, _scope, list.Items.Count, _resourceVersion);
                }

                await WatchOnceAsync(cancellationToken);
                goneStreak = 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e.IsGone())
            {
                // The server no longer keeps history that old: start over from a fresh list. Relist at once the first
                // time; back off if the server keeps answering 410, so that this never spins.
                LogExpired(logger, _kind, _scope, _resourceVersion);
                _resourceVersion = null;
                if (++goneStreak > 1)
                {
                    await DelayAsync(settings.Backoff.JitteredDelay(goneStreak - 2), cancellationToken);
                }
            }
            catch (Exception e)
            {
                var delay = settings.Backoff.JitteredDelay(_failures++);
                LogFailed(logger, _kind, _scope, delay, e.GetType().Name, e.Message);
                await DelayAsync(delay, cancellationToken);
            }
        }
    }

    /// <summary>Runs one watch request to its end.</summary>
    private async Task WatchOnceAsync(CancellationToken cancellationToken)
    {
        var timeout = settings.WatchTimeout * (1 + Random.Shared.NextDouble());

        // If the connection dies silently the server's timeout never arrives; this deadline ends such a watch.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var timer = time.CreateTimer(
            static state => ((CancellationTokenSource)state!).Cancel(),
            deadline,
            timeout + TimeSpan.FromSeconds(30),
            Timeout.InfiniteTimeSpan);

        var started = time.GetTimestamp();
        var received = false;
        try
        {
            await foreach (var (type, entity) in client.WatchAsync<TEntity>(
                @namespace, _resourceVersion, labelSelector, allowWatchBookmarks: true, timeout, deadline.Token))
            {
                received = true;
                _failures = 0;
                Progressed();
                if (type is WatchEventType.Added or WatchEventType.Modified or WatchEventType.Deleted)
                {
                    handler.OnEvent(type, entity);
                }

                _resourceVersion = entity.Metadata?.ResourceVersion ?? _resourceVersion;
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogDeadline(logger, _kind, _scope);
            return;
        }

        if (!received && time.GetElapsedTime(started) < WatcherSettings.MinHealthySession)
        {
            // An immediately closed, empty watch is not progress: treat it as a failure so that it backs off.
            throw new IOException("The watch closed immediately without events.");
        }

        // The server ended the request as asked: a quiet watch is healthy.
        Progressed();
    }

    private void Progressed() => Volatile.Write(ref _progressAt, time.GetTimestamp());

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping; the loop condition ends the watcher.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Listed {Kind} in {Namespace}: {Count} objects at resourceVersion {ResourceVersion}")]
    private static partial void LogListed(ILogger logger, string kind, string @namespace, int count, string? resourceVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watch of {Kind} in {Namespace} expired at resourceVersion {ResourceVersion} (410); relisting")]
    private static partial void LogExpired(ILogger logger, string kind, string @namespace, string? resourceVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watch of {Kind} in {Namespace} failed ({ErrorType}: {ErrorMessage}); reconnecting in {Delay}")]
    private static partial void LogFailed(ILogger logger, string kind, string @namespace, TimeSpan delay, string errorType, string errorMessage);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Watch of {Kind} in {Namespace} passed its deadline; resuming")]
    private static partial void LogDeadline(ILogger logger, string kind, string @namespace);
}
