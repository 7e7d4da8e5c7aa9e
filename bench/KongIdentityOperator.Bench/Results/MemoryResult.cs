namespace KongIdentityOperator.Bench.Results;

/// <summary>Many Clients (over <paramref name="AuthServers"/> AuthServers) converged and cached.</summary>
internal sealed record MemoryResult(
    int Clients,
    int AuthServers,
    double ConvergenceSeconds,
    long KonnectCalls,
    long RateLimited,
    double RatioToFloor,
    long PeakWorkingSetBytes,
    double PeakGcHeapBytes,
    long WorkingSetAfterBytes,
    double GcHeapAfterBytes);
