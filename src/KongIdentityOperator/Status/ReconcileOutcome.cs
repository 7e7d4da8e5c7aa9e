namespace KongIdentityOperator.Status;

/// <summary>
/// What a reconcile concluded, with a reason from <see cref="ConditionReasons"/> and a message a person can act on.
/// Messages never carry secret values.
/// </summary>
internal sealed record ReconcileOutcome(OutcomeKind Kind, string Reason, string Message, TimeSpan? RequeueAfter = null)
{
    /// <summary>Nothing happened worth recording (no request was sent): requeue with backoff, leave status and conditions as they are.</summary>
    public bool Silent { get; init; }

    public static ReconcileOutcome Ready(string message) => new(OutcomeKind.Ready, ConditionReasons.Ready, message);

    public static ReconcileOutcome Progressing(string reason, string message, TimeSpan? requeueAfter = null) =>
        new(OutcomeKind.Progressing, reason, message, requeueAfter);

    public static ReconcileOutcome Stalled(string reason, string message) => new(OutcomeKind.Stalled, reason, message);
}
