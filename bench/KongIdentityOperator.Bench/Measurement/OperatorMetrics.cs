using System.Globalization;

namespace KongIdentityOperator.Bench.Measurement;

/// <summary>The few series of the operator's <c>/metrics</c> the benchmark reads.</summary>
internal sealed record OperatorMetrics(IReadOnlyList<(string Series, double Value)> Samples)
{
    /// <summary>The controllers of the five kinds (the token Secret guard is left out: it never calls Konnect).</summary>
    public static readonly IReadOnlyList<string> KindControllers = ["authserver", "scope", "claim", "client", "upstreamoauthpolicy"];

    /// <summary>Reconciles of the five kinds, whatever their result.</summary>
    public double KindReconciles =>
        Samples.Where(s => s.Series.StartsWith("controller_runtime_reconcile_total{", StringComparison.Ordinal)
                && KindControllers.Any(c => s.Series.Contains($"controller=\"{c}\"", StringComparison.Ordinal)))
            .Sum(s => s.Value);

    /// <summary>The GC heap size, when the operator exports it (<c>dotnet_gc_heap_size_bytes</c>).</summary>
    public double? GcHeapBytes => Value("dotnet_gc_heap_size_bytes");

    public double? Value(string series) => Samples.FirstOrDefault(s => s.Series == series) is { Series: not null } found ? found.Value : null;

    public static OperatorMetrics Parse(string text)
    {
        var samples = new List<(string, double)>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            if (space > 0 && double.TryParse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                samples.Add((line[..space], value));
            }
        }

        return new OperatorMetrics(samples);
    }
}
