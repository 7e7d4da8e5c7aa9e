using Microsoft.Extensions.Logging;

namespace KongIdentityOperator.Sandbox.KubeApi;

/// <summary>How to start a <see cref="KubeApiServer"/>.</summary>
public sealed class KubeApiServerOptions
{
    /// <summary>The port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The clock for timestamps, ages, bookmarks, watch timeouts, latency and the collector's period.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Whether owner-reference garbage collection and namespace cleanup run (as kube-controller-manager would).</summary>
    public bool GarbageCollection { get; init; } = true;

    /// <summary>How often the collector also runs without a trigger.</summary>
    public TimeSpan GarbageCollectionInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Changes kept for watch resume; resuming from an older resourceVersion answers 410 Expired.</summary>
    public int WatchHistorySize { get; init; } = 10_000;

    /// <summary>
    /// How long changes stay in the history (watch resume, paged-list snapshots); older resume points and continue
    /// tokens answer 410, as a real cluster does after etcd compaction (about five minutes). Zero keeps them until
    /// <see cref="WatchHistorySize"/> pushes them out.
    /// </summary>
    public TimeSpan WatchHistoryWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Events one watcher may have queued before it is closed as too slow.</summary>
    public int WatchBufferSize { get; init; } = 1_000;

    /// <summary>How often watches that allow bookmarks get one; <see cref="TimeSpan.Zero"/> sends none unprompted.</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Where the server logs (CEL rules it cannot evaluate, collector failures); null logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
