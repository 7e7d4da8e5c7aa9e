using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Hosting;

namespace KongIdentityOperator.Runtime.Queue;

/// <summary>The <see cref="IEntityBacklog{TEntity}"/> of one controller: a view of its work queue.</summary>
internal sealed class EntityBacklog<TEntity>(ControllerHostedService<TEntity> controller) : IEntityBacklog<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>, new()
{
    public int CountPending(IEnumerable<EntityKey> keys) => controller.Queue.CountPending(keys);
}
