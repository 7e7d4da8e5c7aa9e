using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Reconciliation;

namespace KongIdentityOperator.Runtime.Queue;

/// <summary>
/// Schedules a reconcile of <paramref name="entity"/> after <paramref name="queueIn"/> (KubeOps' <c>EntityQueue</c>
/// shape; injectable for every registered controller). An earlier pending schedule for the same object wins.
/// </summary>
/// <param name="entity">The object to reconcile; only its namespace and name are used (the cache supplies the latest state).</param>
/// <param name="type">Informational; the runtime derives the type from the cache when the reconcile runs.</param>
/// <param name="reconciliationTriggerSource">Informational, for logs.</param>
/// <param name="queueIn">Delay before the reconcile; zero for as soon as possible.</param>
/// <param name="retryCount">Accepted for KubeOps compatibility; the queue counts failures per object itself.</param>
/// <param name="cancellationToken">Cancels the call, not the scheduled reconcile.</param>
/// <returns>False when the object was not scheduled (this replica is not the leader, or the operator is stopping).</returns>
public delegate Task<bool> EntityQueue<in TEntity>(
    TEntity entity,
    ReconciliationType type,
    ReconciliationTriggerSource reconciliationTriggerSource,
    TimeSpan queueIn,
    int retryCount,
    CancellationToken cancellationToken)
    where TEntity : IKubernetesObject<V1ObjectMeta>;
