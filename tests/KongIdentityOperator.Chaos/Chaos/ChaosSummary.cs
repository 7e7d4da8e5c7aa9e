using System.Globalization;
using System.Text;
using System.Text.Json;

namespace KongIdentityOperator.Chaos.Chaos;

/// <summary>The outcome as a table for people and as <c>summary.json</c> for tools.</summary>
internal static class ChaosSummary
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Table(ChaosOutcome o)
    {
        var rows = new (string Name, object Value)[]
        {
            ("profile / seed", $"{o.Profile} / {o.Seed}"),
            ("started", o.StartedAt.ToString("u", CultureInfo.InvariantCulture)),
            ("machine", o.Machine),
            ("objects (AuthServers/Scopes/Claims/Clients/Policies)", $"{o.AuthServers}/{o.Scopes}/{o.Claims}/{o.Clients}/{o.Policies}"),
            ("SIGKILLs while converging / while deleting", $"{o.Kills} / {o.KillsDuringDeletion}"),
            ("operator restarts", o.Restarts),
            ("kills with work in flight (objects not Ready, summed)", $"{o.KillsWithWorkInFlight} ({o.NotReadyAtKills})"),
            ("watch drops", o.WatchDrops),
            ("API writes armed to 409 / 409s the operator got", $"{o.ApiConflictsArmed} / {o.ApiConflictsSeenByOperator}"),
            ("429 bursts armed", o.ThrottleBursts),
            ("Konnect calls (5xx / 429 / slower than 2 s)", $"{o.KonnectCalls} ({o.Konnect5xx} / {o.Konnect429} / {o.KonnectSlowCalls})"),
            ("chaos phase", $"{o.ChaosPhaseSeconds} s"),
            ("converged after faults stopped", $"{o.ConvergenceAfterFaultsSeconds} s"),
            ("objects Ready", $"{o.ObjectsReady}/{o.ObjectsTotal}"),
            ("remote objects expected", o.RemoteObjectsExpected),
            ("duplicates / orphans / missing", $"{o.Duplicates} / {o.Orphans} / {o.Missing}"),
            ("auth server creates accepted by Konnect", o.AuthServerCreatesAccepted),
            ("secrets lost (changed without rotation)", $"{o.SecretsLost} ({o.SecretValuesChanged})"),
            ("Clients whose token had the right scopes and claims", o.TokensVerified),
            ("plugin problems", o.PluginProblems),
            ("Konnect writes in 10 s of steady state", o.SteadyStateWrites),
            ("deletion took", $"{o.DeletionSeconds} s"),
            ("remote objects left after deletion", o.RemoteObjectsLeftAfterDeletion),
            ("secret leaks (secrets watched / sources / characters scanned)", $"{o.LeaksFound} ({o.SecretsScannedFor} / {o.LeakSourcesScanned} / {o.LeakCharactersScanned})"),
        };
        var width = rows.Max(r => r.Name.Length);
        var text = new StringBuilder();
        foreach (var (name, value) in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name.PadRight(width)}  {value}\n");
        }

        foreach (var problem in o.Problems.Take(50))
        {
            text.Append("problem: ").Append(problem).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Writes <c>summary.json</c> and <c>summary.txt</c> into <c>CHAOS_ARTIFACTS</c>, when set (<c>make chaos</c>).</summary>
    public static void WriteArtifacts(ChaosOutcome outcome)
    {
        var folder = Environment.GetEnvironmentVariable("CHAOS_ARTIFACTS");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "summary.json"), JsonSerializer.Serialize(outcome, Json));
        File.WriteAllText(Path.Combine(folder, "summary.txt"), Table(outcome));
    }
}
