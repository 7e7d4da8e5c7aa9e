using k8s;
using k8s.Models;

namespace KongIdentityOperator.Runtime.Queue;

/// <summary>
/// What a controller's work queue holds right now, injectable for every registered controller. It lets a controller
/// see that many objects are about to be reconciled (a resync, a bulk apply, a restart) and fetch what they all need
/// once, instead of once per object.
/// </summary>
public interface IEntityBacklog<TEntity>
    where TEntity : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>How many of <paramref name="keys"/> are queued or being reconciled (delayed retries excluded).</summary>
    int CountPending(IEnumerable<EntityKey> keys);
}
