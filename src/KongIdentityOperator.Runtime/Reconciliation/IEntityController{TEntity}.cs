using k8s;
using k8s.Models;

namespace KongIdentityOperator.Runtime.Reconciliation;

/// <summary>
/// Reconciles one kind (KubeOps' <c>IEntityController</c>). Resolved from a fresh DI scope for each call.
/// Calls for one object never overlap; calls for different objects run concurrently up to the controller's limit.
/// </summary>
public interface IEntityController<TEntity>
    where TEntity : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>
    /// Drives the world toward <paramref name="entity"/>'s spec. The entity is a private copy of the cache's latest
    /// version, with this controller's finalizers already attached. Must be idempotent and honour cancellation
    /// (leadership loss cancels in-flight reconciles).
    /// </summary>
    Task<ReconciliationResult<TEntity>> ReconcileAsync(TEntity entity, CancellationToken cancellationToken);

    /// <summary>Informs that the object is gone from the API (after every finalizer ran); <paramref name="entity"/> is its last known state.</summary>
    Task<ReconciliationResult<TEntity>> DeletedAsync(TEntity entity, CancellationToken cancellationToken);
}
