using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Entities;
using KongIdentityOperator.Runtime.Events;
using KongIdentityOperator.Runtime.Reconciliation;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.Finalizers;

/// <summary>
/// The shared shape of every cleanup: orphan and go; or delete remotely, where anything that blocks the deletion is
/// written to the Reconciling condition (reason Deleting) and retried with backoff — a deletion never hangs silently.
/// </summary>
internal sealed class CleanupRecorder(OutcomeRecorder recorder, EventPublisher events)
{
    public async Task<ReconciliationResult<TEntity>> OrphanedAsync<TEntity>(TEntity entity, string? remoteId, CancellationToken cancellationToken)
        where TEntity : IKubernetesObject<V1ObjectMeta>
    {
        if (remoteId is not null)
        {
            await events(entity, ChangeReasons.Orphaned, $"Left {remoteId} in Konnect (deletionPolicy: Orphan).", cancellationToken: cancellationToken);
        }

        return ReconciliationResult<TEntity>.Success(entity);
    }

    public async Task<ReconciliationResult<TEntity>> BlockedAsync<TEntity, TStatus>(TEntity entity, string message, CancellationToken cancellationToken, TimeSpan? retryAfter = null)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>, IStatusEntity<TStatus>
        where TStatus : IConditionsStatus
    {
        var written = await recorder.RecordAsync<TEntity, TStatus>(
            entity, ReconcileOutcome.Progressing(ConditionReasons.Deleting, message), [], null, cancellationToken);
        return ReconciliationResult<TEntity>.Failure(written.Entity, message, requeueAfter: retryAfter);
    }

    /// <summary>Waits for the objects that use this one to be deleted first (their watch events wake it up).</summary>
    public Task<ReconciliationResult<TEntity>> WaitForDependentsAsync<TEntity, TStatus>(TEntity entity, string noun, IReadOnlyList<string> dependents, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>, IStatusEntity<TStatus>
        where TStatus : IConditionsStatus =>
        BlockedAsync<TEntity, TStatus>(
            entity,
            $"Waiting for {dependents.Count} object(s) that use this {noun} to be deleted first: {string.Join(", ", dependents.Take(5))}{(dependents.Count > 5 ? ", ..." : string.Empty)}.",
            cancellationToken);

    public async Task<ReconciliationResult<TEntity>> DeleteAsync<TEntity, TStatus>(TEntity entity, Func<CancellationToken, Task> delete, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>, IStatusEntity<TStatus>
        where TStatus : IConditionsStatus
    {
        try
        {
            await delete(cancellationToken);
            return ReconciliationResult<TEntity>.Success(entity);
        }
        catch (Exception e) when (KonnectErrors.Handles(e))
        {
            var outcome = KonnectErrors.ToOutcome(e);
            return await BlockedAsync<TEntity, TStatus>(entity, $"Deleting from Konnect failed: {outcome.Message}", cancellationToken, outcome.RequeueAfter);
        }
    }
}
