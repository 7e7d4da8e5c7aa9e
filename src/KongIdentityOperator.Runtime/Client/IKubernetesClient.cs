using k8s;
using k8s.Models;

namespace KongIdentityOperator.Runtime.Client;

/// <summary>
/// A typed client for custom and built-in kinds, shaped like KubeOps' <c>IKubernetesClient</c>.
/// The kind's group, version and plural come from its <see cref="KubernetesEntityAttribute"/>; a null or empty
/// namespace addresses the cluster-scoped (or all-namespaces) endpoint.
/// Errors surface as <see cref="k8s.Autorest.HttpOperationException"/>; classify them with <see cref="KubernetesErrors"/>.
/// </summary>
public interface IKubernetesClient
{
    /// <summary>Reads one object; null when it does not exist (404).</summary>
    Task<TEntity?> GetAsync<TEntity>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>Lists objects, optionally in one namespace and filtered by a label selector.</summary>
    Task<IList<TEntity>> ListAsync<TEntity>(string? @namespace = null, string? labelSelector = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>Lists objects and returns the list's <c>resourceVersion</c> too (what a watch resumes from).</summary>
    Task<EntityList<TEntity>> ListWithResourceVersionAsync<TEntity>(string? @namespace = null, string? labelSelector = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>Creates an object (POST). <c>apiVersion</c> and <c>kind</c> are filled in when missing.</summary>
    Task<TEntity> CreateAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>Replaces an object (PUT) guarded by its <c>resourceVersion</c>; a stale one fails with 409 Conflict.</summary>
    Task<TEntity> UpdateAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>Replaces the <c>status</c> of an object (PUT on <c>/status</c>) guarded by its <c>resourceVersion</c>.</summary>
    Task<TEntity> UpdateStatusAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>Patches an object (JSON patch or JSON merge patch for custom kinds).</summary>
    Task<TEntity> PatchAsync<TEntity>(V1Patch patch, string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>Patches the <c>status</c> of an object.</summary>
    Task<TEntity> PatchStatusAsync<TEntity>(V1Patch patch, string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>Deletes an object; an object that is already gone (404) counts as success.</summary>
    Task DeleteAsync<TEntity>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>
    /// Watches a kind from <paramref name="resourceVersion"/> (null: the current state as ADDED events first).
    /// An ERROR event from the server (for example 410 Expired) ends the enumeration with a
    /// <see cref="KubernetesException"/>; it is never swallowed. BOOKMARK events carry only metadata.
    /// </summary>
    IAsyncEnumerable<(WatchEventType Type, TEntity Entity)> WatchAsync<TEntity>(
        string? @namespace = null,
        string? resourceVersion = null,
        string? labelSelector = null,
        bool allowWatchBookmarks = true,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;
}
