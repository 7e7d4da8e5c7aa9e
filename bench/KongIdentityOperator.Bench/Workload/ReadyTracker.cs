using System.Collections.Concurrent;
using System.Diagnostics;
using k8s;
using k8s.Models;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Conditions;

namespace KongIdentityOperator.Bench.Workload;

/// <summary>
/// Watches one kind in one namespace and records when each object was first seen Ready for its current
/// generation (a <see cref="Stopwatch"/> timestamp), the way <c>kubectl wait --for=condition=Ready</c> decides.
/// </summary>
internal sealed class ReadyTracker<TEntity> : IReadyTracker
    where TEntity : class, IKubernetesObject<V1ObjectMeta>, IConditionedEntity
{
    private readonly ConcurrentDictionary<string, long> _readyAt = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;

    private ReadyTracker(IKubernetesClient client, string @namespace, string? resourceVersion, IEnumerable<TEntity> listed)
    {
        foreach (var item in listed)
        {
            Observe(item);
        }

        _watching = Task.Run(() => WatchAsync(client, @namespace, resourceVersion, _stop.Token));
    }

    public int ReadyCount => _readyAt.Count;

    public static async Task<ReadyTracker<TEntity>> StartAsync(IKubernetesClient client, string @namespace, CancellationToken cancellationToken)
    {
        var list = await client.ListWithResourceVersionAsync<TEntity>(@namespace, cancellationToken: cancellationToken);
        return new ReadyTracker<TEntity>(client, @namespace, list.ResourceVersion, list.Items);
    }

    /// <summary>When <paramref name="name"/> was first seen Ready, or null.</summary>
    public long? ReadyAt(string name) => _readyAt.TryGetValue(name, out var at) ? at : null;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _watching;
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose.
        }

        _stop.Dispose();
    }

    private async Task WatchAsync(IKubernetesClient client, string @namespace, string? resourceVersion, CancellationToken cancellationToken)
    {
        // The sandbox keeps a long history, so resuming from the last version seen never needs a relist here.
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var (type, entity) in client.WatchAsync<TEntity>(@namespace, resourceVersion, timeout: TimeSpan.FromMinutes(30), cancellationToken: cancellationToken))
                {
                    resourceVersion = entity.Metadata.ResourceVersion ?? resourceVersion;
                    if (type is WatchEventType.Added or WatchEventType.Modified)
                    {
                        Observe(entity);
                    }
                }
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Catches everything on purpose: a broken stream is resumed; only cancellation ends the watch.
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private void Observe(TEntity entity)
    {
        var status = entity.ConditionedStatus;
        if (status.ObservedGeneration == entity.Metadata.Generation && status.Conditions.IsTrue("Ready"))
        {
            _readyAt.TryAdd(entity.Metadata.Name, Stopwatch.GetTimestamp());
        }
    }
}
