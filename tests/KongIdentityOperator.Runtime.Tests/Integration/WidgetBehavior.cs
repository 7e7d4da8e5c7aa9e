using KongIdentityOperator.Runtime.Reconciliation;
using KongIdentityOperator.Runtime.Tests.TestEntities;

namespace KongIdentityOperator.Runtime.Tests.Integration;

/// <summary>What the test controller and finalizer do; each test sets what it needs.</summary>
internal sealed class WidgetBehavior
{
    /// <summary>Reconcile body; by default the controller only records the call and succeeds.</summary>
    public Func<Widget, IServiceProvider, CancellationToken, Task<ReconciliationResult<Widget>>>? Reconcile { get; set; }

    /// <summary>Finalize body; by default it succeeds.</summary>
    public Func<Widget, CancellationToken, Task<ReconciliationResult<Widget>>>? Finalize { get; set; }
}
