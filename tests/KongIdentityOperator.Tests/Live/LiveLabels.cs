using System.Text.RegularExpressions;

namespace KongIdentityOperator.Tests.Live;

/// <summary>
/// How the live suite marks what it creates, so that its cleanup can find exactly that and nothing else: a name that
/// starts with <see cref="NamePrefix"/> and a run label, both required, in the cluster and in Konnect.
/// </summary>
public static partial class LiveLabels
{
    /// <summary>Label on every Kubernetes object of a run (namespace, Secret, CRDs the run installed), value = run id.</summary>
    public const string Run = "e2e.identity.konghq.com/run";

    /// <summary>Label on every Konnect auth server and control plane of a run (Konnect keys allow no slash).</summary>
    public const string KonnectRun = "e2e-identity-run";

    public const string NamePrefix = "e2e-";

    public static bool IsRunId(string value) => RunIdPattern().IsMatch(value);

    /// <summary>True when a name and its labels say a run made it: <paramref name="runId"/> null matches any run.</summary>
    public static bool Marks(string? name, IDictionary<string, string>? labels, string labelKey, string? runId)
    {
        if (name is null || labels is null || !labels.TryGetValue(labelKey, out var value) || !IsRunId(value))
        {
            return false;
        }

        return (runId is null || value == runId) && name.StartsWith(NamePrefix + value, StringComparison.Ordinal);
    }

    [GeneratedRegex("^[a-z0-9]{4,16}$")]
    private static partial Regex RunIdPattern();
}
