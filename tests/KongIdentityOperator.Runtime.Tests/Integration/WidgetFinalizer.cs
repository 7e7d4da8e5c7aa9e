using KongIdentityOperator.Runtime.Finalizer;
using KongIdentityOperator.Runtime.Reconciliation;
using KongIdentityOperator.Runtime.Tests.TestEntities;

namespace KongIdentityOperator.Runtime.Tests.Integration;

internal sealed class WidgetFinalizer(ReconcileRecorder recorder, WidgetBehavior behavior) : IEntityFinalizer<Widget>
{
    public const string Identifier = "runtime.test.example.com/cleanup";

    public async Task<ReconciliationResult<Widget>> FinalizeAsync(Widget entity, CancellationToken cancellationToken)
    {
        using var call = recorder.Enter(nameof(FinalizeAsync), entity);
        return behavior.Finalize is { } finalize
            ? await finalize(entity, cancellationToken)
            : ReconciliationResult<Widget>.Success(entity);
    }
}
