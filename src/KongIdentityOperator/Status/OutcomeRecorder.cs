using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Entities;
using KongIdentityOperator.Runtime.Events;
using KongIdentityOperator.Runtime.Reconciliation;

namespace KongIdentityOperator.Status;

/// <summary>
/// Writes a reconcile's outcome to the object's status (only when something changed, through <c>/status</c> with
/// conflict retry), emits a Warning event when the object stalls, and turns the outcome into the runtime's result:
/// Ready and Stalled wait for the next change or resync; Progressing retries with backoff or after Retry-After;
/// WaitingForRef waits for the watch on the referenced object.
/// </summary>
internal sealed class OutcomeRecorder(IKubernetesClient client, EventPublisher events, TimeProvider time)
{
    public async Task<ReconciliationResult<TEntity>> RecordAsync<TEntity, TStatus>(
        TEntity entity,
        ReconcileOutcome outcome,
        IReadOnlyList<DomainCondition> domainConditions,
        Action<TStatus>? updateStatus,
        CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>, IStatusEntity<TStatus>
        where TStatus : IConditionsStatus
    {
        if (outcome.Silent)
        {
            return ResultFor(entity, outcome);
        }

        var wasStalled = entity.Status.Conditions.Any(c => c.Type == ConditionTypes.Stalled && c.Status == "True" && c.Reason == outcome.Reason);
        var written = await client.UpdateStatusAsync(
            entity,
            e =>
            {
                var generation = e.Metadata.Generation ?? 0;
                var now = time.GetUtcNow();
                updateStatus?.Invoke(e.Status);
                foreach (var condition in domainConditions)
                {
                    StatusConditions.SetDomain(e.Status, condition.Type, condition.IsTrue, condition.Reason, condition.Message, generation, now);
                }

                StatusConditions.Apply(e.Status, generation, outcome, now);
            },
            cancellationToken: cancellationToken);

        if (outcome.Kind == OutcomeKind.Stalled && !wasStalled)
        {
            await events(written, outcome.Reason, outcome.Message, EventType.Warning, cancellationToken);
        }

        return ResultFor(written, outcome);
    }

    public static ReconciliationResult<TEntity> ResultFor<TEntity>(TEntity entity, ReconcileOutcome outcome)
        where TEntity : IKubernetesObject<V1ObjectMeta> => outcome switch
        {
            { Kind: OutcomeKind.Progressing, Reason: ConditionReasons.Retrying } => ReconciliationResult<TEntity>.Failure(entity, outcome.Message),
            { Kind: OutcomeKind.Progressing, RequeueAfter: { } after } => ReconciliationResult<TEntity>.Failure(entity, outcome.Message, requeueAfter: after),
            _ => ReconciliationResult<TEntity>.Success(entity),
        };
}
