namespace KongIdentityOperator.Bench.Workload;

/// <summary>A <see cref="ReadyTracker{TEntity}"/> of any kind.</summary>
internal interface IReadyTracker : IAsyncDisposable
{
    /// <summary>Objects seen Ready so far.</summary>
    int ReadyCount { get; }
}
