namespace KongIdentityOperator.Bench.Results;

/// <summary>The operator ready and left alone with nothing to manage.</summary>
internal sealed record IdleMemory(long WorkingSetBytes, long PeakWorkingSetBytes, double GcHeapBytes);
