namespace KongIdentityOperator.TestSupport;

/// <summary>How to start the operator executable: its arguments, the executable first (a <c>.dll</c> runs under <c>dotnet</c>), its port and log.</summary>
public sealed record OperatorStart(IReadOnlyList<string> Arguments, int HttpPort, string LogFile)
{
    /// <summary>Environment variables for the child; the caller's own operator variables are never passed on.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Called with each line the child writes (stdout and stderr), besides the log file: e.g. to scan its logs in memory.</summary>
    public Action<string>? Output { get; init; }
}
