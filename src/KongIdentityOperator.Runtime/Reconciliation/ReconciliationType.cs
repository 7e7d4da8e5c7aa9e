namespace KongIdentityOperator.Runtime.Reconciliation;

/// <summary>What happened to an object (KubeOps' <c>ReconciliationType</c>).</summary>
public enum ReconciliationType
{
    Added,
    Modified,
    Deleted,
}
