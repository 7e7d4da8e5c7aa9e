namespace KongIdentityOperator.Bench.Results;

/// <summary>Process start of an operator over converged objects until it has looked at all of them.</summary>
internal sealed record StartupResult(
    int Objects,
    double CachesSyncedSeconds,
    double FirstReconcileSeconds,
    double AllReconciledSeconds,
    long KonnectCalls,
    double CpuSeconds);
