using k8s;
using k8s.Models;

namespace KongIdentityOperator.Runtime.Reconciliation;

/// <summary>
/// Decides whether a watch event is worth a reconcile. Status and most metadata writes do not change
/// <c>generation</c> and are ignored, so a controller's own status updates cause no reconcile storm. Always
/// reconciled: new objects, deletions, a generation change, the start of deletion, finalizer changes (except this
/// controller's own finalizers being attached) and changes of the configured trigger annotations and labels.
/// </summary>
internal sealed class TriggerPredicate(
    IReadOnlyCollection<string> triggerAnnotations, IReadOnlyCollection<string> ownFinalizers, IReadOnlyCollection<string>? triggerLabels = null)
{
    public bool ShouldReconcile(WatchEventType type, V1ObjectMeta? old, V1ObjectMeta current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (type == WatchEventType.Deleted || old is null)
        {
            return true;
        }

        return old.Generation != current.Generation
            || old.DeletionTimestamp != current.DeletionTimestamp
            || FinalizersChanged(old, current)
            || Changed(triggerAnnotations, old.Annotations, current.Annotations)
            || Changed(triggerLabels ?? [], old.Labels, current.Labels);
    }

    private bool FinalizersChanged(V1ObjectMeta old, V1ObjectMeta current)
    {
        var before = old.Finalizers ?? [];
        var after = current.Finalizers ?? [];

        // Attaching our own finalizer is our write; reconciling for it again would double every first reconcile.
        return before.Except(after, StringComparer.Ordinal).Any()
            || after.Except(before, StringComparer.Ordinal).Except(ownFinalizers, StringComparer.Ordinal).Any();
    }

    private static bool Changed(IReadOnlyCollection<string> keys, IDictionary<string, string>? old, IDictionary<string, string>? current)
    {
        foreach (var key in keys)
        {
            string? before = null;
            string? after = null;
            old?.TryGetValue(key, out before);
            current?.TryGetValue(key, out after);
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
