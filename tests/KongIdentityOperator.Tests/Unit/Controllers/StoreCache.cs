using k8s;
using k8s.Models;
using KongIdentityOperator.Indexing;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Runtime.Queue;

namespace KongIdentityOperator.Tests.Unit.Controllers;

/// <summary>An informer cache that is always in sync with <see cref="InMemoryKubernetes"/>, with the operator's own indexes.</summary>
internal sealed class StoreCache<TEntity>(InMemoryKubernetes store, IReadOnlyList<EntityIndex<TEntity>> indexes) : IEntityCache<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    public bool HasSynced => true;

    public TEntity? Get(string? @namespace, string name) => store.Find<TEntity>(@namespace, name);

    public IReadOnlyList<TEntity> List(string? @namespace = null) =>
        [.. store.All<TEntity>().Where(e => @namespace is null || e.Metadata.NamespaceProperty == @namespace)];

    public IReadOnlyList<TEntity> GetByIndex(string indexName, string indexKey)
    {
        var index = indexes.SingleOrDefault(i => i.Name == indexName)
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no index {indexName}.");
        return [.. store.All<TEntity>().Where(e => index.Keys(e).Contains(indexKey, StringComparer.Ordinal))];
    }

    public IReadOnlyList<EntityKey> GetKeysByIndex(string indexName, string indexKey) => [.. GetByIndex(indexName, indexKey).Select(EntityKey.From)];

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
