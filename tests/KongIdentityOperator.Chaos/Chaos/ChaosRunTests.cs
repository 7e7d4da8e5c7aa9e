using KongIdentityOperator.Chaos.Harness;

namespace KongIdentityOperator.Chaos.Chaos;

/// <summary>
/// The fault run: the real operator process is SIGKILLed and restarted while tenants converge under 5xx,
/// 429 bursts, latency spikes, dropped watches and 409s; then nothing may be lost, duplicated, orphaned or leaked.
/// <c>make test</c>: 2 AuthServers, 30 Clients, 4 kills. <c>make chaos</c>: 5, 200, 20.
/// </summary>
public sealed class ChaosRunTests
{
    [Fact]
    public async Task Killed_under_faults_the_operator_converges_with_nothing_lost_duplicated_orphaned_or_leaked()
    {
        var profile = ChaosProfile.Current();
        var output = TestContext.Current.TestOutputHelper!;
        using var work = new WorkDirectory("chaos-run");
        var outcome = await new ChaosRun(profile, work, line => output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}"))
            .ExecuteAsync(TestContext.Current.CancellationToken);
        output.WriteLine(ChaosSummary.Table(outcome));
        ChaosSummary.WriteArtifacts(outcome);

        Assert.Equal(profile.Kills, outcome.Kills);
        Assert.Equal(profile.Kills + profile.KillsDuringDeletion, outcome.Restarts);
        Assert.True(outcome.KillsWithWorkInFlight > 0, "at least one kill hit objects that were not Ready yet");
        Assert.True(outcome.Konnect5xx > 0 && outcome.Konnect429 > 0 && outcome.WatchDrops > 0 && outcome.ApiConflictsArmed > 0, "every kind of fault was injected");
        Assert.Equal(outcome.ObjectsTotal, outcome.ObjectsReady);
        Assert.Equal(profile.Clients, outcome.Clients);
        Assert.Equal(0, outcome.Duplicates);
        Assert.Equal(0, outcome.Orphans);
        Assert.Equal(0, outcome.Missing);
        Assert.Equal(profile.AuthServers, outcome.AuthServerCreatesAccepted);
        Assert.Equal(0, outcome.SecretsLost);
        Assert.Equal(profile.Clients, outcome.TokensVerified);
        Assert.Equal(0, outcome.PluginProblems);
        Assert.Equal(0, outcome.SteadyStateWrites);
        Assert.Equal(0, outcome.RemoteObjectsLeftAfterDeletion);
        Assert.Equal(0, outcome.LeaksFound);
        Assert.True(outcome.SecretsScannedFor > profile.Clients, "the scan looked for every client secret and the token");
        Assert.Empty(outcome.Problems);
    }
}
