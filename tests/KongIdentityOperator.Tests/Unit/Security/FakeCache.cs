using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Runtime.Queue;

namespace KongIdentityOperator.Tests.Unit.Security;

/// <summary>An <see cref="IEntityCache{TEntity}"/> over a list, with the indexes a test names.</summary>
internal sealed class FakeCache<TEntity>(params (string Name, Func<TEntity, IEnumerable<string>> Indexer)[] indexes) : IEntityCache<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly List<TEntity> _items = [];

    public bool HasSynced => true;

    public FakeCache<TEntity> With(params TEntity[] items)
    {
        _items.AddRange(items);
        return this;
    }

    public TEntity? Get(string? @namespace, string name) =>
        _items.FirstOrDefault(e => e.Metadata.NamespaceProperty == @namespace && e.Metadata.Name == name);

    public IReadOnlyList<TEntity> List(string? @namespace = null) =>
        [.. _items.Where(e => @namespace is null || e.Metadata.NamespaceProperty == @namespace)];

    public IReadOnlyList<TEntity> GetByIndex(string indexName, string indexKey)
    {
        var indexer = indexes.Single(i => i.Name == indexName).Indexer;
        return [.. _items.Where(e => indexer(e).Contains(indexKey, StringComparer.Ordinal))];
    }

    public IReadOnlyList<EntityKey> GetKeysByIndex(string indexName, string indexKey) => [.. GetByIndex(indexName, indexKey).Select(EntityKey.From)];

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
