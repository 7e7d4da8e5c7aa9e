namespace KongIdentityOperator.Bench.Results;

/// <summary>The memory goals the results are judged against (docs/performance.md), in bytes.</summary>
internal sealed record MemoryGoals(long IdleWorkingSetBytes, long ClientsPeakWorkingSetBytes, long UnrelatedSecretsDeltaBytes)
{
    private const long MiB = 1024 * 1024;

    public static MemoryGoals Current { get; } = new(50 * MiB, 150 * MiB, 5 * MiB);
}
