namespace KongIdentityOperator.Bench.Results;

/// <summary>The converged objects left alone over several resync periods.</summary>
internal sealed record AtRestResult(
    int Objects,
    double ResyncPeriodSeconds,
    double WindowSeconds,
    double ResyncPasses,
    double CallsPerResync,
    double WritesPerResync,
    double ListPagesPerResync,
    double ItemReadsPerResync,
    double ListPagesPer100Children,
    int ListPageBound,
    double KubernetesWritesPerResync,
    double CpuSecondsPerHourMeasured,
    double IdleCpuSecondsPerHour,
    double CpuSecondsPerResync,
    double CpuSecondsPerHourAtDefaultResync,
    IReadOnlyDictionary<string, long> CallsByRoute,
    IReadOnlyDictionary<string, long> KubernetesWritesByResource);
