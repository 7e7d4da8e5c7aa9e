using KongIdentityOperator.Runtime.Conditions;
using KongIdentityOperator.Runtime.Entities;

namespace KongIdentityOperator.Status;

/// <summary>
/// Writes an outcome as the kstatus trio. Ready always carries the outcome's reason and message; Reconciling and
/// Stalled are "abnormal-true" conditions (kstatus), so exactly one of them is True unless the object is Ready.
/// observedGeneration is set with them, so kstatus, Flux, Argo CD and <c>kubectl wait</c> agree on what they read.
/// </summary>
internal static class StatusConditions
{
    /// <returns>Whether the status changed (and so needs a write).</returns>
    public static bool Apply(IConditionsStatus status, long generation, ReconcileOutcome outcome, DateTimeOffset now)
    {
        var conditions = status.Conditions;
        var changed = status.ObservedGeneration != generation;
        status.ObservedGeneration = generation;

        var (ready, reconciling, stalled) = outcome.Kind switch
        {
            OutcomeKind.Ready => (ConditionStatus.True, ConditionStatus.False, ConditionStatus.False),
            OutcomeKind.Progressing => (ConditionStatus.False, ConditionStatus.True, ConditionStatus.False),
            _ => (ConditionStatus.False, ConditionStatus.False, ConditionStatus.True),
        };
        changed |= conditions.Set(ConditionTypes.Ready, ready, outcome.Reason, outcome.Message, generation, now);
        changed |= conditions.Set(ConditionTypes.Reconciling, reconciling, outcome.Reason, Active(reconciling, outcome), generation, now);
        changed |= conditions.Set(ConditionTypes.Stalled, stalled, outcome.Reason, Active(stalled, outcome), generation, now);
        return changed;
    }

    /// <summary>Sets a domain condition (ResolvedRefs, SecretReady).</summary>
    public static bool SetDomain(IConditionsStatus status, string type, bool isTrue, string reason, string message, long generation, DateTimeOffset now) =>
        status.Conditions.Set(type, isTrue ? ConditionStatus.True : ConditionStatus.False, reason, message, generation, now);

    // The message lives on the condition that is True (and on Ready); a False condition needs none.
    private static string Active(string status, ReconcileOutcome outcome) => status == ConditionStatus.True ? outcome.Message : string.Empty;
}
