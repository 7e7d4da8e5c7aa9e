namespace KongIdentityOperator.Tests.Support;

/// <summary>How a child process ended and what it printed.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, string Error);
