using System.Globalization;

namespace KongIdentityOperator.Bench;

/// <summary>Command line of the runner: <c>--operator &lt;dll&gt; [--output file] [--clients N] ...</c>.</summary>
internal sealed record BenchOptions
{
    public required string OperatorDll { get; init; }

    public string Output { get; init; } = Path.Combine("artifacts", "bench", "results.json");

    /// <summary>Konnect as the issue describes it.</summary>
    public int LatencyMs { get; init; } = 20;

    public int RateLimitPerMinute { get; init; } = 3000;

    public int Scopes { get; init; } = 10;

    public int Claims { get; init; } = 10;

    public int Clients { get; init; } = 1000;

    public int Policies { get; init; } = 10;

    public int MemoryClients { get; init; } = 10_000;

    /// <summary>Unrelated 8 KB Secrets in the cluster for the secrets scenario.</summary>
    public int UnrelatedSecrets { get; init; } = 10_000;

    public int LatencySamples { get; init; } = 100;

    /// <summary>Resync period of the at-rest run (short, so that several resyncs fit in the window).</summary>
    public TimeSpan AtRestResync { get; init; } = TimeSpan.FromSeconds(30);

    public int AtRestResyncs { get; init; } = 3;

    public int MaxConcurrentReconciles { get; init; } = 4;

    /// <summary>Scenarios to run (convergence, latency, atrest, idle, secrets, memory, tenancy); all by default.</summary>
    public IReadOnlySet<string> Scenarios { get; init; } = new HashSet<string>(All, StringComparer.Ordinal);

    public static IReadOnlyList<string> All { get; } = ["convergence", "latency", "atrest", "idle", "secrets", "memory", "tenancy"];

    public const string Usage =
        "usage: KongIdentityOperator.Bench --operator <KongIdentityOperator.dll> [--output artifacts/bench/results.json] " +
        "[--clients 1000] [--memory-clients 10000] [--unrelated-secrets 10000] [--latency-samples 100] [--at-rest-resync-seconds 30] [--at-rest-resyncs 3] " +
        "[--max-concurrent-reconciles 4] [--latency-ms 20] [--rate-limit 3000] [--scenarios convergence,latency,atrest,idle,secrets,memory,tenancy]";

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"expected --flag value at '{args[i]}'");
            }

            values[args[i][2..]] = args[++i];
        }

        var defaults = new BenchOptions { OperatorDll = string.Empty };
        return new BenchOptions
        {
            OperatorDll = Path.GetFullPath(values.GetValueOrDefault("operator") ?? throw new ArgumentException("--operator is required")),
            Output = values.GetValueOrDefault("output") ?? defaults.Output,
            Clients = Int("clients", defaults.Clients),
            MemoryClients = Int("memory-clients", defaults.MemoryClients),
            UnrelatedSecrets = Int("unrelated-secrets", defaults.UnrelatedSecrets),
            LatencySamples = Int("latency-samples", defaults.LatencySamples),
            AtRestResync = TimeSpan.FromSeconds(Int("at-rest-resync-seconds", (int)defaults.AtRestResync.TotalSeconds)),
            AtRestResyncs = Int("at-rest-resyncs", defaults.AtRestResyncs),
            MaxConcurrentReconciles = Int("max-concurrent-reconciles", defaults.MaxConcurrentReconciles),
            LatencyMs = Int("latency-ms", defaults.LatencyMs),
            RateLimitPerMinute = Int("rate-limit", defaults.RateLimitPerMinute),
            Scenarios = values.GetValueOrDefault("scenarios") is { } list
                ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal)
                : defaults.Scenarios,
        };

        int Int(string name, int fallback) =>
            values.TryGetValue(name, out var text)
                ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : throw new ArgumentException($"--{name} needs a positive whole number")
                : fallback;
    }
}
