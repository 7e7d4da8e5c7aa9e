using k8s;
using k8s.Models;
using KongIdentityOperator.Indexing;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Runtime.Queue;

namespace KongIdentityOperator.Observation;

/// <summary>
/// How many objects of a kind that share a parent are about to be reconciled (queued or in progress), and how many
/// there are: what a <see cref="RemoteCollection{T}"/> weighs a list read against one GET each with.
/// </summary>
internal sealed class ChildDemand<TEntity>(IEntityCache<TEntity> cache, IEntityBacklog<TEntity> backlog)
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The demand among the objects whose <paramref name="indexName"/> index holds <paramref name="indexKey"/>.</summary>
    public (int Pending, int Expected) Of(string indexName, string indexKey)
    {
        var keys = cache.GetKeysByIndex(indexName, indexKey);
        return (backlog.CountPending(keys), keys.Count);
    }

    /// <summary>The demand among the children of one AuthServer.</summary>
    public (int Pending, int Expected) OfAuthServer(string? @namespace, string authServerName) =>
        Of(Indexes.AuthServerRef, Indexes.Key(@namespace, authServerName));
}
