using k8s;
using k8s.Models;

namespace KongIdentityOperator.Runtime.Reconciliation;

/// <summary>
/// Decides whether a watch event is worth a reconcile. Status and most metadata writes do not change
/// <c>generation</c> and are ignored, so a controller's own status updates cause no reconcile storm. Always
/// reconciled: new objects, deletions, a generation change, the start of deletion, finalizer changes (except this
/// controller's own finalizers being attached) and changes of the configured trigger annotations.
/// </summary>
internal sealed class TriggerPredicate(IReadOnlyCollection<string> triggerAnnotations, IReadOnlyCollection<string> ownFinalizers)
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
            || AnnotationsChanged(old, current);
    }

    private bool FinalizersChanged(V1ObjectMeta old, V1ObjectMeta current)
    {
        var before = old.Finalizers ?? [];
        var after = current.Finalizers ?? [];

        // Attaching our own finalizer is our write; reconciling for it again would double every first reconcile.
        return before.Except(after, StringComparer.Ordinal).Any()
            || after.Except(before, StringComparer.Ordinal).Except(ownFinalizers, StringComparer.Ordinal).Any();
    }

    private bool AnnotationsChanged(V1ObjectMeta old, V1ObjectMeta current)
    {
        foreach (var annotation in triggerAnnotations)
        {
            string? before = null;
            string? after = null;
            old.Annotations?.TryGetValue(annotation, out before);
            current.Annotations?.TryGetValue(annotation, out after);
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
