using System.Runtime.CompilerServices;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace KongIdentityOperator.Runtime.Client;

/// <summary>
/// <see cref="IKubernetesClient"/> over the REST API, with the base URI, TLS settings and credentials of a
/// <see cref="KubernetesClientConfiguration"/> or of a KubernetesClient <see cref="Kubernetes"/> instance. JSON goes through <see cref="KubernetesJsonOptions"/>, so a kind
/// registered with <see cref="KubernetesSerialization"/> (or a built-in one) needs no reflection. With group <c>""</c>
/// the paths are <c>/api/v1</c>, so the same code serves custom kinds and built-ins such as Secrets and Leases.
/// Registered by <c>AddKubernetesOperator</c>; public so that tests and tools can wrap an <see cref="IKubernetes"/> directly.
/// Every answer of the API server is recorded in the <see cref="ApiServerContact"/> (liveness) when one is given.
/// </summary>
public sealed class KubernetesEntityClient : IKubernetesClient
{
    private readonly KubernetesHttp _http;

    /// <summary>A client with the connection of an existing <see cref="Kubernetes"/> instance.</summary>
    public KubernetesEntityClient(IKubernetes kubernetes, ApiServerContact? contact = null)
        : this(KubernetesConnection.From(kubernetes), contact)
    {
    }

    /// <summary>
    /// A client with a connection of its own; no <see cref="Kubernetes"/> instance is built (in a Native AOT build that
    /// would keep KubernetesClient's JSON for every model).
    /// </summary>
    public KubernetesEntityClient(KubernetesClientConfiguration configuration, ApiServerContact? contact = null)
        : this(KubernetesConnection.Create(configuration), contact)
    {
    }

    private KubernetesEntityClient(KubernetesConnection connection, ApiServerContact? contact) => _http = new(connection, contact);

    public async Task<TEntity?> GetAsync<TEntity>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var api = EntityApiInfo.For<TEntity>();
        try
        {
            return await SendForEntityAsync<TEntity>(HttpMethod.Get, EntityPaths.Item(api, name, @namespace), null, api, cancellationToken);
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
        var path = EntityPaths.WithQuery(EntityPaths.Collection(api, @namespace), ("labelSelector", labelSelector));
        using var timeout = RequestTimeout(cancellationToken);
        using var response = await _http.SendAsync(HttpMethod.Get, path, null, timeout.Token);
        var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        var list = EntityJson.ReadList<TEntity>(body);
        foreach (var item in list.Items)
        {
            EnsureTypeMeta(item, api);
        }

        return list;
    }

    public Task<TEntity> CreateAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(entity);
        var api = EntityApiInfo.For<TEntity>();
        EnsureTypeMeta(entity, api);
        return SendForEntityAsync<TEntity>(HttpMethod.Post, EntityPaths.Collection(api, entity.Metadata?.NamespaceProperty), Body(entity), api, cancellationToken);
    }

    public Task<TEntity> UpdateAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(entity);
        var api = EntityApiInfo.For<TEntity>();
        EnsureTypeMeta(entity, api);
        var (name, ns) = NameOf(entity);
        return SendForEntityAsync<TEntity>(HttpMethod.Put, EntityPaths.Item(api, name, ns), Body(entity), api, cancellationToken);
    }

    public Task<TEntity> UpdateStatusAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(entity);
        var api = EntityApiInfo.For<TEntity>();
        EnsureTypeMeta(entity, api);
        var (name, ns) = NameOf(entity);
        return SendForEntityAsync<TEntity>(HttpMethod.Put, EntityPaths.Item(api, name, ns, "status"), Body(entity), api, cancellationToken);
    }

    public Task<TEntity> PatchAsync<TEntity>(V1Patch patch, string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(patch);
        var api = EntityApiInfo.For<TEntity>();
        return SendForEntityAsync<TEntity>(HttpMethod.Patch, EntityPaths.Item(api, name, @namespace), KubernetesHttp.PatchContent(patch), api, cancellationToken);
    }

    public Task<TEntity> PatchStatusAsync<TEntity>(V1Patch patch, string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(patch);
        var api = EntityApiInfo.For<TEntity>();
        return SendForEntityAsync<TEntity>(HttpMethod.Patch, EntityPaths.Item(api, name, @namespace, "status"), KubernetesHttp.PatchContent(patch), api, cancellationToken);
    }

    public async Task DeleteAsync<TEntity>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var api = EntityApiInfo.For<TEntity>();
        try
        {
            using var timeout = RequestTimeout(cancellationToken);
            using var response = await _http.SendAsync(HttpMethod.Delete, EntityPaths.Item(api, name, @namespace), null, timeout.Token);
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
        string? timeoutSeconds = timeout is { } t ? Math.Max(1, (int)t.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        var path = EntityPaths.WithQuery(
            EntityPaths.Collection(api, @namespace),
            ("watch", "true"),
            ("allowWatchBookmarks", allowWatchBookmarks ? "true" : null),
            ("labelSelector", labelSelector),
            ("resourceVersion", resourceVersion),
            ("timeoutSeconds", timeoutSeconds));

        // No request timeout: a watch lasts until the server ends it (timeoutSeconds) or the caller cancels.
        using var response = await _http.SendAsync(HttpMethod.Get, path, null, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);

        // An in-stream ERROR event (for example 410 Expired) ends the enumeration with a KubernetesException, so a
        // resuming watcher never retries a stale resourceVersion forever.
        await foreach (var (type, entity) in WatchStream.ReadAsync<TEntity>(stream, cancellationToken))
        {
            EnsureTypeMeta(entity, api);
            yield return (type, entity);
        }
    }

    private static HttpContent Body<TEntity>(TEntity entity) => KubernetesHttp.JsonContent(KubernetesJsonOptions.SerializeToUtf8Bytes(entity));

    private CancellationTokenSource RequestTimeout(CancellationToken cancellationToken)
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_http.RequestTimeout);
        return timeout;
    }

    private async Task<TEntity> SendForEntityAsync<TEntity>(HttpMethod method, string path, HttpContent? content, EntityApiInfo api, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        using var timeout = RequestTimeout(cancellationToken);
        using var response = await _http.SendAsync(method, path, content, timeout.Token);
        var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        var entity = KubernetesJsonOptions.Deserialize<TEntity>(body);
        EnsureTypeMeta(entity, api);
        return entity;
    }

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
