using System.Text.RegularExpressions;
using k8s.Models;
using KongIdentityOperator.Chaos.Harness;

namespace KongIdentityOperator.Chaos.LeaderElection;

/// <summary>Who holds the operator's Lease, and which process that is (each leader logs its identity when it starts leading).</summary>
internal static partial class LeaseHolder
{
    public const string LeaseName = "kong-identity-operator-leader";

    public static async Task<string?> ReadAsync(ChaosSandbox sandbox, string @namespace, CancellationToken cancellationToken) =>
        (await sandbox.Client.GetAsync<V1Lease>(LeaseName, @namespace, cancellationToken))?.Spec?.HolderIdentity is { Length: > 0 } holder ? holder : null;

    /// <summary>The identity <paramref name="process"/> announced when it became the leader, if it did.</summary>
    public static string? IdentityOf(OperatorProcess process)
    {
        using var stream = new FileStream(process.LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var match = BecameLeader().Match(reader.ReadToEnd());
        return match.Success ? match.Groups["identity"].Value : null;
    }

    [GeneratedRegex(@"(?<identity>\S+) became the leader on lease")]
    private static partial Regex BecameLeader();
}
