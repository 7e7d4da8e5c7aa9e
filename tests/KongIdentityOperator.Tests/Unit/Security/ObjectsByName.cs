using k8s;
using k8s.Autorest;
using k8s.Models;
using KongIdentityOperator.Runtime.Client;

namespace KongIdentityOperator.Tests.Unit.Security;

/// <summary>
/// An <see cref="IKubernetesClient"/> that answers GETs from a list (or fails them with a status code) and records
/// them; every other call is a test failure: the owner check only ever reads.
/// </summary>
internal sealed class ObjectsByName(IEnumerable<IKubernetesObject<V1ObjectMeta>> objects, System.Net.HttpStatusCode? failWith = null) : IKubernetesClient
{
    public List<string> Gets { get; } = [];

    public Task<TEntity?> GetAsync<TEntity>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        Gets.Add($"{@namespace}/{name}");
        if (failWith is { } status)
        {
            throw new HttpOperationException("refused") { Response = new HttpResponseMessageWrapper(new HttpResponseMessage(status), string.Empty) };
        }

        return Task.FromResult(objects.OfType<TEntity>().FirstOrDefault(o => o.Metadata.NamespaceProperty == @namespace && o.Metadata.Name == name));
    }

    public Task<IList<TEntity>> ListAsync<TEntity>(string? @namespace = null, string? labelSelector = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException();

    public Task<EntityList<TEntity>> ListWithResourceVersionAsync<TEntity>(string? @namespace = null, string? labelSelector = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException();

    public Task<TEntity> CreateAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException();

    public Task<TEntity> UpdateAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException();

    public Task<TEntity> UpdateStatusAsync<TEntity>(TEntity entity, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException();

    public Task<TEntity> PatchAsync<TEntity>(V1Patch patch, string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException();

    public Task<TEntity> PatchStatusAsync<TEntity>(V1Patch patch, string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException();

    public Task DeleteAsync<TEntity>(string name, string? @namespace = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException();

    public IAsyncEnumerable<(WatchEventType Type, TEntity Entity)> WatchAsync<TEntity>(
        string? @namespace = null, string? resourceVersion = null, string? labelSelector = null, bool allowWatchBookmarks = true, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => throw new NotSupportedException();
}
