using System.Globalization;

namespace KongIdentityOperator.Chaos.Harness;

/// <summary>Reads samples out of a <c>/metrics</c> body (Prometheus text format 0.0.4).</summary>
internal static class PrometheusText
{
    /// <summary>The sum of every sample of <paramref name="name"/> whose labels contain all of <paramref name="labels"/>.</summary>
    public static double Sum(string body, string name, params string[] labels) =>
        Samples(body, name).Where(s => labels.All(l => s.Labels.Contains(l, StringComparison.Ordinal))).Sum(s => s.Value);

    public static IEnumerable<(string Labels, double Value)> Samples(string body, string name)
    {
        foreach (var line in body.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(name, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line[name.Length..];
            string labels;
            if (rest.StartsWith('{'))
            {
                var close = rest.IndexOf('}', StringComparison.Ordinal);
                labels = rest[1..close];
                rest = rest[(close + 1)..];
            }
            else if (rest.StartsWith(' '))
            {
                labels = string.Empty;
            }
            else
            {
                continue; // another metric sharing the prefix
            }

            yield return (labels, double.Parse(rest.Trim().Split(' ')[0], CultureInfo.InvariantCulture));
        }
    }
}
