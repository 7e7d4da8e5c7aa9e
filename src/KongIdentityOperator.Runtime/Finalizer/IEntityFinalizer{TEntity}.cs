using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Reconciliation;

namespace KongIdentityOperator.Runtime.Finalizer;

/// <summary>
/// Cleans up when an object is deleted (KubeOps' <c>IEntityFinalizer</c>). Registered with an identifier that the
/// runtime adds to <c>metadata.finalizers</c> before the controller's first reconcile, and removes after a successful
/// <see cref="FinalizeAsync"/>. A failure keeps the finalizer and is retried with backoff.
/// </summary>
public interface IEntityFinalizer<TEntity>
    where TEntity : IKubernetesObject<V1ObjectMeta>
{
    Task<ReconciliationResult<TEntity>> FinalizeAsync(TEntity entity, CancellationToken cancellationToken);
}
