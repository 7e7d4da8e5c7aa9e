using k8s;

namespace KongIdentityOperator.Runtime.Watcher;

/// <summary>Receives what a <see cref="ResourceWatcher{TEntity}"/> reads.</summary>
internal interface IWatchHandler<in TEntity>
{
    /// <summary>A full list of one namespace (null: all), after a start or a 410.</summary>
    void OnList(string? @namespace, IReadOnlyList<TEntity> items);

    /// <summary>An ADDED, MODIFIED or DELETED event (bookmarks are consumed by the watcher).</summary>
    void OnEvent(WatchEventType type, TEntity entity);
}
