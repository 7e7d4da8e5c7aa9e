namespace KongIdentityOperator.Bench.Results;

/// <summary>Many Clients converged and cached.</summary>
internal sealed record MemoryResult(
    int Clients,
    double ConvergenceSeconds,
    long KonnectCalls,
    long RateLimited,
    double RatioToFloor,
    long PeakWorkingSetBytes,
    double PeakGcHeapBytes,
    long WorkingSetAfterBytes,
    double GcHeapAfterBytes);
