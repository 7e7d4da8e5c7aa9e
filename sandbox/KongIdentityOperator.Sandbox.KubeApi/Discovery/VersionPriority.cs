using System.Globalization;
using System.Text.RegularExpressions;

namespace KongIdentityOperator.Sandbox.KubeApi.Discovery;

/// <summary>Kubernetes' version ordering: GA before beta before alpha, higher numbers first (v2 > v1 > v1beta2).</summary>
internal sealed partial class VersionPriority : IComparer<string>
{
    public static readonly VersionPriority Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = Rank(x ?? string.Empty);
        var b = Rank(y ?? string.Empty);
        return a != b ? b.CompareTo(a) : string.CompareOrdinal(x, y);
    }

    private static (int Stability, int Major, int Minor) Rank(string version)
    {
        var match = Pattern().Match(version);
        if (!match.Success)
        {
            return (0, 0, 0);
        }

        var major = int.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture);
        var minor = match.Groups["minor"].Success ? int.Parse(match.Groups["minor"].Value, CultureInfo.InvariantCulture) : 0;
        var stability = match.Groups["stage"].Value switch
        {
            "" => 3,
            "beta" => 2,
            _ => 1,
        };
        return (stability, major, minor);
    }

    [GeneratedRegex("^v(?<major>[0-9]+)(?:(?<stage>alpha|beta)(?<minor>[0-9]+)?)?$")]
    private static partial Regex Pattern();
}
