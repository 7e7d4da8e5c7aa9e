using System.Text;
using k8s.Models;
using KongIdentityOperator.Chaos.Harness;

namespace KongIdentityOperator.Chaos.Security;

/// <summary>
/// The end-of-test scan of a scenario that ran the operator: every log file in its work folder (every process,
/// every incarnation, at Debug level) and what the cluster shows (Events, the five kinds, request paths), searched for
/// the given tokens and every client secret a Secret holds now.
/// </summary>
internal static class LeakAudit
{
    public static async Task AssertCleanAsync(ChaosSandbox sandbox, WorkDirectory work, IEnumerable<string> tokens, CancellationToken cancellationToken)
    {
        var scanner = new LeakScanner();
        foreach (var token in tokens)
        {
            scanner.Watch("a Konnect token", token);
        }

        foreach (var secret in await sandbox.Client.ListAsync<V1Secret>(cancellationToken: cancellationToken))
        {
            if (secret.Data?.TryGetValue("client_secret", out var value) == true && value.Length >= 8)
            {
                scanner.Watch("a client secret", Encoding.UTF8.GetString(value));
            }
        }

        await ClusterText.ScanAsync(sandbox, scanner, cancellationToken);
        var logs = Directory.GetFiles(work.Path, "*.log");
        Assert.NotEmpty(logs);
        foreach (var log in logs)
        {
            scanner.ScanFile(log);
        }

        Assert.Empty(scanner.Findings);
    }
}
