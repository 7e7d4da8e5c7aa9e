using KongIdentityOperator.Runtime.Reconciliation;
using KongIdentityOperator.Runtime.Tests.TestEntities;

namespace KongIdentityOperator.Runtime.Tests.Integration;

/// <summary>The test controller: records each call, then runs the test's behaviour.</summary>
internal sealed class WidgetController(ReconcileRecorder recorder, WidgetBehavior behavior, IServiceProvider services) : IEntityController<Widget>
{
    public async Task<ReconciliationResult<Widget>> ReconcileAsync(Widget entity, CancellationToken cancellationToken)
    {
        using var call = recorder.Enter(nameof(ReconcileAsync), entity);
        return behavior.Reconcile is { } reconcile
            ? await reconcile(entity, services, cancellationToken)
            : ReconciliationResult<Widget>.Success(entity);
    }

    public Task<ReconciliationResult<Widget>> DeletedAsync(Widget entity, CancellationToken cancellationToken)
    {
        using var call = recorder.Enter(nameof(DeletedAsync), entity);
        return Task.FromResult(ReconciliationResult<Widget>.Success(entity));
    }
}
