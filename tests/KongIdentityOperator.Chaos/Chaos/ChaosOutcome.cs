namespace KongIdentityOperator.Chaos.Chaos;

/// <summary>What a chaos run did and found; written to <c>artifacts/chaos/summary.json</c> by <c>make chaos</c>.</summary>
internal sealed record ChaosOutcome
{
    public required string Profile { get; init; }

    public required int Seed { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required string Machine { get; init; }

    public int AuthServers { get; init; }

    public int Scopes { get; init; }

    public int Claims { get; init; }

    public int Clients { get; init; }

    public int Policies { get; init; }

    // Faults injected.
    public int Kills { get; init; }

    public int KillsDuringDeletion { get; init; }

    public int Restarts { get; init; }

    /// <summary>Kills (while converging) at a moment when some object was not Ready yet.</summary>
    public int KillsWithWorkInFlight { get; init; }

    /// <summary>Objects not Ready at those moments, summed over the kills.</summary>
    public int NotReadyAtKills { get; init; }

    public int WatchDrops { get; init; }

    public int ApiConflictsArmed { get; init; }

    public int ApiConflictsSeenByOperator { get; init; }

    public int ThrottleBursts { get; init; }

    public long KonnectCalls { get; init; }

    public long Konnect5xx { get; init; }

    public long Konnect429 { get; init; }

    public long KonnectSlowCalls { get; init; }

    // Results.
    public double ChaosPhaseSeconds { get; init; }

    public double ConvergenceAfterFaultsSeconds { get; init; }

    public int ObjectsReady { get; init; }

    public int ObjectsTotal { get; init; }

    public int RemoteObjectsExpected { get; init; }

    public int Duplicates { get; init; }

    public int Orphans { get; init; }

    public int Missing { get; init; }

    public int AuthServerCreatesAccepted { get; init; }

    public int SecretsLost { get; init; }

    public int SecretValuesChanged { get; init; }

    public int TokensVerified { get; init; }

    public int CredentialProblems { get; init; }

    public int PluginProblems { get; init; }

    public long SteadyStateWrites { get; init; }

    public double DeletionSeconds { get; init; }

    public int RemoteObjectsLeftAfterDeletion { get; init; }

    public int LeaksFound { get; init; }

    public int SecretsScannedFor { get; init; }

    public int LeakSourcesScanned { get; init; }

    public long LeakCharactersScanned { get; init; }

    /// <summary>Everything that went wrong, for the test's failure message (empty on success).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
