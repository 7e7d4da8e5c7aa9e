namespace KongIdentityOperator.Status;

/// <summary>A domain condition (ResolvedRefs, SecretReady) to record with an outcome.</summary>
internal sealed record DomainCondition(string Type, bool IsTrue, string Reason, string Message)
{
    public static DomainCondition RefsResolved { get; } = new(ConditionTypes.ResolvedRefs, true, ConditionReasons.Resolved, "All references are resolved.");

    /// <summary>ResolvedRefs=False with the problem's reason and message.</summary>
    public static DomainCondition RefsUnresolved(ReconcileOutcome problem) => new(ConditionTypes.ResolvedRefs, false, problem.Reason, problem.Message);
}
