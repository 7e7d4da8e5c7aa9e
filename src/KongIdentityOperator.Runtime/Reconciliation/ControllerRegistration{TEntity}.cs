using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Builder;

namespace KongIdentityOperator.Runtime.Reconciliation;

/// <summary>A controller's resolved options.</summary>
internal sealed record ControllerRegistration<TEntity>(
    string Name,
    int MaxConcurrentReconciles,
    TimeSpan ResyncPeriod,
    IReadOnlyCollection<string> TriggerAnnotations,
    IReadOnlyList<ISecondaryWatch<TEntity>> Watches,
    bool AutoAttachFinalizers = true,
    IReadOnlyCollection<string>? TriggerLabels = null)
    where TEntity : class, IKubernetesObject<V1ObjectMeta>;
