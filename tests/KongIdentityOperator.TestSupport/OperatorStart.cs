namespace KongIdentityOperator.TestSupport;

/// <summary>How to start the operator executable: the arguments after <c>dotnet</c> (the dll first), its port and log.</summary>
public sealed record OperatorStart(IReadOnlyList<string> Arguments, int HttpPort, string LogFile)
{
    /// <summary>Environment variables for the child; the caller's own operator variables are never passed on.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
