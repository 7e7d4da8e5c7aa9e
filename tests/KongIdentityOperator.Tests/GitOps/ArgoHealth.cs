namespace KongIdentityOperator.Tests.GitOps;

/// <summary>What an Argo CD health script returned: <c>hs.status</c> and <c>hs.message</c>.</summary>
internal sealed record ArgoHealth(string Status, string Message);
