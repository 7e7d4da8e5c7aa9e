using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Builder;
using KongIdentityOperator.Runtime.Client;
using Microsoft.Extensions.Logging;

namespace KongIdentityOperator.Runtime.Events;

/// <summary>
/// Writes <c>events.k8s.io/v1</c> Events. Repeats of one (object, reason, note, type) within the aggregation window
/// become <c>series.count</c> / <c>series.lastObservedTime</c> updates of the first event, like client-go's event
/// broadcaster, so that a hot loop cannot flood the API with events.
/// </summary>
internal sealed partial class EventRecorder(
    IKubernetesClient client,
    OperatorSettings settings,
    TimeProvider time,
    ILogger<EventRecorder> logger)
{
    internal const int MaxTrackedSeries = 4096;

    private readonly ConcurrentDictionary<string, Series> _series = new(StringComparer.Ordinal);
    private readonly string _instance = Truncate($"{settings.Name}-{Environment.MachineName}", 128);

    // Catches everything on purpose: events are best effort (failures are logged, never thrown).
    public async Task PublishAsync(
        IKubernetesObject<V1ObjectMeta> entity,
        string reason,
        string message,
        EventType type = EventType.Normal,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var note = EventNote.Truncate(message ?? string.Empty);
        var meta = entity.Metadata;
        var fingerprint = string.Join('\u001f', meta.Uid ?? $"{entity.Kind}/{meta.NamespaceProperty}/{meta.Name}", reason, note, type);
        var series = _series.GetOrAdd(fingerprint, _ => new Series());
        await series.Gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (series.Name is not null && now - series.LastObserved < settings.EventAggregationWindow)
            {
                if (await TryIncrementAsync(series, now, cancellationToken))
                {
                    return;
                }
            }

            var created = await client.CreateAsync(NewEvent(entity, reason, note, type, now), cancellationToken);
            series.Name = created.Metadata.Name;
            series.Namespace = created.Metadata.NamespaceProperty;
            series.Count = 1;
            series.LastObserved = now;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            LogFailed(logger, entity.Kind, meta.NamespaceProperty, meta.Name, reason, e.GetType().Name, e.Message);
        }
        finally
        {
            series.Gate.Release();
            Prune();
        }
    }

    private async Task<bool> TryIncrementAsync(Series series, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var patch = new JsonObject
        {
            ["series"] = new JsonObject
            {
                ["count"] = series.Count + 1,
                ["lastObservedTime"] = MicroTime(now),
            },
        };
        try
        {
            await client.PatchAsync<Eventsv1Event>(
                new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), series.Name!, series.Namespace, cancellationToken);
            series.Count++;
            series.LastObserved = now;
            return true;
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.IsNotFound())
        {
            // The event expired (events have a TTL); start a new one.
            return false;
        }
    }

    private Eventsv1Event NewEvent(IKubernetesObject<V1ObjectMeta> entity, string reason, string note, EventType type, DateTimeOffset now)
    {
        var meta = entity.Metadata;
        var ns = string.IsNullOrEmpty(meta.NamespaceProperty) ? "default" : meta.NamespaceProperty;
        return new Eventsv1Event
        {
            ApiVersion = "events.k8s.io/v1",
            Kind = "Event",
            Metadata = new V1ObjectMeta
            {
                Name = $"{Truncate(meta.Name, 200)}.{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 8))}",
                NamespaceProperty = ns,
            },
            Regarding = new V1ObjectReference
            {
                ApiVersion = entity.ApiVersion,
                Kind = entity.Kind,
                Name = meta.Name,
                NamespaceProperty = meta.NamespaceProperty,
                Uid = meta.Uid,
                ResourceVersion = meta.ResourceVersion,
            },
            Reason = Truncate(reason, 128),
            Action = Truncate(reason, 128),
            Note = note,
            Type = type.ToString(),
            EventTime = now.UtcDateTime,
            ReportingController = Truncate(settings.Name, 128),
            ReportingInstance = _instance,
        };
    }

    /// <summary>Series remembered for aggregation (for tests).</summary>
    internal int TrackedSeries => _series.Count;

    // Over the cap, drop what left the window, then the least recently observed down to three quarters of the cap:
    // memory stays bounded in a burst of thousands of objects, and the scan runs once per quarter-cap events, not
    // on every event.
    private void Prune()
    {
        if (_series.Count <= MaxTrackedSeries)
        {
            return;
        }

        var cutoff = time.GetUtcNow() - settings.EventAggregationWindow;
        var kept = new List<(string Key, DateTimeOffset LastObserved)>(_series.Count);
        foreach (var (key, series) in _series)
        {
            if (series.LastObserved < cutoff)
            {
                _series.TryRemove(key, out _);
            }
            else
            {
                kept.Add((key, series.LastObserved));
            }
        }

        var excess = kept.Count - (MaxTrackedSeries * 3 / 4);
        foreach (var (key, _) in excess > 0 ? kept.OrderBy(k => k.LastObserved).Take(excess) : [])
        {
            _series.TryRemove(key, out _);
        }
    }

    private static string MicroTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record event {Reason} for {Kind} {Namespace}/{Name} ({ErrorType}: {ErrorMessage})")]
    private static partial void LogFailed(ILogger logger, string kind, string? @namespace, string name, string reason, string errorType, string errorMessage);

    /// <summary>The event that repeats of one fingerprint aggregate into.</summary>
    private sealed class Series
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public string? Name { get; set; }

        public string? Namespace { get; set; }

        public int Count { get; set; }

        public DateTimeOffset LastObserved { get; set; }
    }
}
