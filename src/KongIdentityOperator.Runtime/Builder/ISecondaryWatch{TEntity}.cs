using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Runtime.Queue;

namespace KongIdentityOperator.Runtime.Builder;

/// <summary>A watch on another kind whose events enqueue objects of the controller's kind.</summary>
internal interface ISecondaryWatch<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Asks the builder for the shared informer of the watched kind.</summary>
    void Register(OperatorBuilder builder);

    /// <summary>Subscribes to the watched kind's informer and maps each change to keys to enqueue.</summary>
    void Connect(IServiceProvider services, IEntityCache<TEntity> cache, Action<EntityKey> enqueue);
}
