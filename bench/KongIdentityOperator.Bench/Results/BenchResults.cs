namespace KongIdentityOperator.Bench.Results;

/// <summary>Everything one run measured (what <c>artifacts/bench/results.json</c> holds).</summary>
internal sealed record BenchResults(
    DateTimeOffset Date,
    string Machine,
    int LatencyMs,
    int RateLimitPerMinute,
    int MaxConcurrentReconciles,
    ConvergenceResult? Convergence,
    LatencyResult? Latency,
    StartupResult? Startup,
    AtRestResult? AtRest,
    MemoryResult? Memory,
    IdleMemory? Idle,
    SecretsMemory? UnrelatedSecrets,
    MemoryGoals MemoryGoals,
    TenancyResult? Tenancy = null);
