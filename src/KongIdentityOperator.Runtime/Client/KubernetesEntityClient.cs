using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace KongIdentityOperator.Runtime.Client;

/// <summary>
/// <see cref="IKubernetesClient"/> over KubernetesClient's CustomObjects operations. With group <c>""</c> the
/// library addresses <c>/api/v1</c>, so the same code serves custom kinds and built-ins such as Secrets and Leases.
/// Registered by <c>AddKubernetesOperator</c>; public so that tests and tools can wrap an <see cref="IKubernetes"/> directly.
/// </summary>
public sealed class KubernetesEntityClient(IKubernetes kubernetes) : IKubernetesClient
{
    private ICustomObjectsOperations Api => kubernetes.CustomObjects;

    public async Task<TEntity?> GetAsync<TEntity>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var api = EntityApiInfo.For<TEntity>();
        try
        {
            return string.IsNullOrEmpty(@namespace)
                ? await Api.GetClusterCustomObjectAsync<TEntity>(api.Group, api.Version, api.Plural, name, cancellationToken)
                : await Api.GetNamespacedCustomObjectAsync<TEntity>(api.Group, api.Version, @namespace, api.Plural, name, cancellationToken);
        }
        catch (HttpOperationException e) when (e.IsNotFound())
        {
            return null;
        }
    }

    public async Task<IList<TEntity>> ListAsync<TEntity>(string? @namespace = null, string? labelSelector = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var list = await ListWithResourceVersionAsync<TEntity>(@namespace, labelSelector, cancellationToken);
        return [.. list.Items];
    }

    public async Task<EntityList<TEntity>> ListWithResourceVersionAsync<TEntity>(string? @namespace = null, string? labelSelector = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var api = EntityApiInfo.For<TEntity>();
        var response = string.IsNullOrEmpty(@namespace)
            ? await Api.ListClusterCustomObjectAsync<ListResponse<TEntity>>(
                api.Group, api.Version, api.Plural, labelSelector: labelSelector, cancellationToken: cancellationToken)
            : await Api.ListNamespacedCustomObjectAsync<ListResponse<TEntity>>(
                api.Group, api.Version, @namespace, api.Plural, labelSelector: labelSelector, cancellationToken: cancellationToken);
        var items = response.Items ?? [];
        foreach (var item in items)
        {
            EnsureTypeMeta(item, api);
        }

        return new EntityList<TEntity>([.. items], response.Metadata?.ResourceVersion);
    }

    public Task<TEntity> CreateAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(entity);
        var api = EntityApiInfo.For<TEntity>();
        EnsureTypeMeta(entity, api);
        var ns = entity.Metadata?.NamespaceProperty;
        return string.IsNullOrEmpty(ns)
            ? Api.CreateClusterCustomObjectAsync<TEntity>(entity, api.Group, api.Version, api.Plural, cancellationToken: cancellationToken)
            : Api.CreateNamespacedCustomObjectAsync<TEntity>(entity, api.Group, api.Version, ns, api.Plural, cancellationToken: cancellationToken);
    }

    public Task<TEntity> UpdateAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(entity);
        var api = EntityApiInfo.For<TEntity>();
        EnsureTypeMeta(entity, api);
        var (name, ns) = NameOf(entity);
        return string.IsNullOrEmpty(ns)
            ? Api.ReplaceClusterCustomObjectAsync<TEntity>(entity, api.Group, api.Version, api.Plural, name, cancellationToken: cancellationToken)
            : Api.ReplaceNamespacedCustomObjectAsync<TEntity>(entity, api.Group, api.Version, ns, api.Plural, name, cancellationToken: cancellationToken);
    }

    public Task<TEntity> UpdateStatusAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(entity);
        var api = EntityApiInfo.For<TEntity>();
        EnsureTypeMeta(entity, api);
        var (name, ns) = NameOf(entity);
        return string.IsNullOrEmpty(ns)
            ? Api.ReplaceClusterCustomObjectStatusAsync<TEntity>(entity, api.Group, api.Version, api.Plural, name, cancellationToken: cancellationToken)
            : Api.ReplaceNamespacedCustomObjectStatusAsync<TEntity>(entity, api.Group, api.Version, ns, api.Plural, name, cancellationToken: cancellationToken);
    }

    public Task<TEntity> PatchAsync<TEntity>(V1Patch patch, string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var api = EntityApiInfo.For<TEntity>();
        return string.IsNullOrEmpty(@namespace)
            ? Api.PatchClusterCustomObjectAsync<TEntity>(patch, api.Group, api.Version, api.Plural, name, cancellationToken: cancellationToken)
            : Api.PatchNamespacedCustomObjectAsync<TEntity>(patch, api.Group, api.Version, @namespace, api.Plural, name, cancellationToken: cancellationToken);
    }

    public Task<TEntity> PatchStatusAsync<TEntity>(V1Patch patch, string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var api = EntityApiInfo.For<TEntity>();
        return string.IsNullOrEmpty(@namespace)
            ? Api.PatchClusterCustomObjectStatusAsync<TEntity>(patch, api.Group, api.Version, api.Plural, name, cancellationToken: cancellationToken)
            : Api.PatchNamespacedCustomObjectStatusAsync<TEntity>(patch, api.Group, api.Version, @namespace, api.Plural, name, cancellationToken: cancellationToken);
    }

    public async Task DeleteAsync<TEntity>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var api = EntityApiInfo.For<TEntity>();
        try
        {
            if (string.IsNullOrEmpty(@namespace))
            {
                await Api.DeleteClusterCustomObjectAsync(api.Group, api.Version, api.Plural, name, cancellationToken: cancellationToken);
            }
            else
            {
                await Api.DeleteNamespacedCustomObjectAsync(api.Group, api.Version, @namespace, api.Plural, name, cancellationToken: cancellationToken);
            }
        }
        catch (HttpOperationException e) when (e.IsNotFound())
        {
            // Already gone: the caller's intent is met.
        }
    }

    public async IAsyncEnumerable<(WatchEventType Type, TEntity Entity)> WatchAsync<TEntity>(
        string? @namespace = null,
        string? resourceVersion = null,
        string? labelSelector = null,
        bool allowWatchBookmarks = true,
        TimeSpan? timeout = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var api = EntityApiInfo.For<TEntity>();
        int? timeoutSeconds = timeout is { } t ? Math.Max(1, (int)t.TotalSeconds) : null;

        // Without an onError that throws, the library swallows in-stream ERROR events (410 Expired included) and
        // simply ends the stream, so a resuming watcher would retry a stale resourceVersion forever.
        var events = string.IsNullOrEmpty(@namespace)
            ? Api.WatchListClusterCustomObjectAsync(
                api.Group, api.Version, api.Plural, allowWatchBookmarks: allowWatchBookmarks, labelSelector: labelSelector,
                resourceVersion: resourceVersion, timeoutSeconds: timeoutSeconds, onError: Rethrow, cancellationToken: cancellationToken)
            : Api.WatchListNamespacedCustomObjectAsync(
                api.Group, api.Version, @namespace, api.Plural, allowWatchBookmarks: allowWatchBookmarks, labelSelector: labelSelector,
                resourceVersion: resourceVersion, timeoutSeconds: timeoutSeconds, onError: Rethrow, cancellationToken: cancellationToken);

        await foreach (var (type, item) in events.WithCancellation(cancellationToken))
        {
            var entity = item switch
            {
                JsonElement element => KubernetesJson.Deserialize<TEntity>(element),
                TEntity typed => typed,
                _ => null,
            };
            if (entity is not null)
            {
                EnsureTypeMeta(entity, api);
                yield return (type, entity);
            }
        }
    }

    private static void Rethrow(Exception exception) => ExceptionDispatchInfo.Throw(exception);

    private static (string Name, string? Namespace) NameOf(IKubernetesObject<V1ObjectMeta> entity)
    {
        var name = entity.Metadata?.Name;
        return string.IsNullOrEmpty(name)
            ? throw new ArgumentException("The object has no metadata.name.", nameof(entity))
            : (name, entity.Metadata!.NamespaceProperty);
    }

    private static void EnsureTypeMeta(IKubernetesObject<V1ObjectMeta> entity, EntityApiInfo api)
    {
        // The API server rejects bodies without kind/apiVersion, and built-in list items arrive without them.
        if (string.IsNullOrEmpty(entity.ApiVersion))
        {
            entity.ApiVersion = api.ApiVersion;
        }

        if (string.IsNullOrEmpty(entity.Kind))
        {
            entity.Kind = api.Kind;
        }
    }
}
