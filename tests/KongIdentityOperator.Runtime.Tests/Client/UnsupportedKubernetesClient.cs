using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Client;

namespace KongIdentityOperator.Runtime.Tests.Client;

/// <summary>A base for hand-written client doubles: every operation a test does not script throws.</summary>
internal abstract class UnsupportedKubernetesClient : IKubernetesClient
{
    public virtual Task<T?> GetAsync<T>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException();

    public virtual Task<IList<T>> ListAsync<T>(string? @namespace = null, string? labelSelector = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException();

    public virtual Task<EntityList<T>> ListWithResourceVersionAsync<T>(string? @namespace = null, string? labelSelector = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException();

    public virtual Task<T> CreateAsync<T>(T entity, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException();

    public virtual Task<T> UpdateAsync<T>(T entity, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException();

    public virtual Task<T> UpdateStatusAsync<T>(T entity, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException();

    public virtual Task<T> PatchAsync<T>(V1Patch patch, string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException();

    public virtual Task<T> PatchStatusAsync<T>(V1Patch patch, string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException();

    public virtual Task DeleteAsync<T>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException();

    public virtual IAsyncEnumerable<(WatchEventType Type, T Entity)> WatchAsync<T>(
        string? @namespace = null,
        string? resourceVersion = null,
        string? labelSelector = null,
        bool allowWatchBookmarks = true,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException();
}
