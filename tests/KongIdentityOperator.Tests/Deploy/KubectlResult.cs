namespace KongIdentityOperator.Tests.Deploy;

/// <summary>How a kubectl run ended and what it printed.</summary>
internal sealed record KubectlResult(int ExitCode, string Output, string Error);
