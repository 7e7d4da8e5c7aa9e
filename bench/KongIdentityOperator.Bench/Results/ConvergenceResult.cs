namespace KongIdentityOperator.Bench.Results;

/// <summary>Objects applied at once until all are Ready.</summary>
internal sealed record ConvergenceResult(
    int Objects,
    double Seconds,
    long KonnectCalls,
    long RateLimited,
    long FloorCalls,
    double FloorSeconds,
    double RatioToFloor,
    long KubernetesWrites,
    double OperatorCpuSeconds,
    IReadOnlyDictionary<string, long> CallsByRoute);
