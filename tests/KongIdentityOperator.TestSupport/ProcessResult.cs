namespace KongIdentityOperator.TestSupport;

/// <summary>How a command line tool ended: its exit code and what it wrote.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Error);
