using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Queue;

namespace KongIdentityOperator.Runtime.Cache;

/// <summary>
/// The watch-fed, in-memory view of one kind (controller-runtime's cache). Reads never call the API and return
/// private copies that callers may change. Available through DI for every kind a controller reconciles or watches
/// with a cache.
/// </summary>
public interface IEntityCache<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Whether the initial list of every watched namespace has been loaded.</summary>
    bool HasSynced { get; }

    /// <summary>The object, or null when the cache does not hold it.</summary>
    TEntity? Get(string? @namespace, string name);

    /// <summary>Every cached object, or those of one namespace.</summary>
    IReadOnlyList<TEntity> List(string? @namespace = null);

    /// <summary>The objects whose index function returned <paramref name="indexKey"/> for index <paramref name="indexName"/>.</summary>
    IReadOnlyList<TEntity> GetByIndex(string indexName, string indexKey);

    /// <summary>Like <see cref="GetByIndex"/> but only the keys, without copying objects (cheap in event mappers).</summary>
    IReadOnlyList<EntityKey> GetKeysByIndex(string indexName, string indexKey);

    /// <summary>Completes when <see cref="HasSynced"/> becomes true.</summary>
    Task WaitForSyncAsync(CancellationToken cancellationToken);
}
