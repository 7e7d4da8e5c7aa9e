namespace KongIdentityOperator.Status;

/// <summary>Condition types: the kstatus trio plus the domain conditions.</summary>
internal static class ConditionTypes
{
    public const string Ready = "Ready";
    public const string Reconciling = "Reconciling";
    public const string Stalled = "Stalled";
    public const string ResolvedRefs = "ResolvedRefs";
    public const string SecretReady = "SecretReady";
}
