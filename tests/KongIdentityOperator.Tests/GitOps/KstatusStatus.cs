namespace KongIdentityOperator.Tests.GitOps;

/// <summary>The statuses kstatus' <c>Compute</c> can return for an object it has in hand.</summary>
public enum KstatusStatus
{
    InProgress,
    Failed,
    Current,
    Terminating,
}
