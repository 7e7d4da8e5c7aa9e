namespace KongIdentityOperator.Tests.GitOps;

/// <summary>kstatus' <c>Result</c>: the status and the message explaining it.</summary>
internal sealed record KstatusResult(KstatusStatus Status, string Message);
