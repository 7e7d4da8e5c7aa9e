using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Queue;

namespace KongIdentityOperator.Tests.Unit.Controllers;

/// <summary>An empty work queue: every lookup weighs one object, so the remote view GETs instead of listing.</summary>
internal sealed class NothingPending<TEntity> : IEntityBacklog<TEntity>
    where TEntity : IKubernetesObject<V1ObjectMeta>
{
    public int CountPending(IEnumerable<EntityKey> keys) => 0;
}
