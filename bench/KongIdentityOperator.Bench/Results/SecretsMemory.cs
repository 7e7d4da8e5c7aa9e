namespace KongIdentityOperator.Bench.Results;

/// <summary>The operator ready with <paramref name="Secrets"/> unrelated Secrets in the cluster, against idle.</summary>
internal sealed record SecretsMemory(int Secrets, long WorkingSetBytes, long PeakWorkingSetBytes, long DeltaToIdleBytes)
{
    /// <summary>Each Secret's payload: 8 KB.</summary>
    public const int SecretBytes = 8 * 1024;
}
