using System.Globalization;

namespace KongIdentityOperator.Chaos.Chaos;

/// <summary>
/// The size of a chaos run. <c>make test</c> runs <see cref="Fast"/>; <c>make chaos</c> sets <c>CHAOS_PROFILE=full</c>
/// for the numbers. <c>CHAOS_SEED</c> replays a run (the seed is printed and written to the summary).
/// </summary>
internal sealed record ChaosProfile(
    string Name,
    int AuthServers,
    int Clients,
    int Kills,
    int KillsDuringDeletion,
    TimeSpan MinUptime,
    TimeSpan MaxUptime,
    TimeSpan ConvergenceTimeout,
    int Seed)
{
    public static ChaosProfile Fast { get; } = new("fast", 2, 30, 4, 1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), TimeSpan.FromMinutes(3), 0);

    public static ChaosProfile Full { get; } = new("full", 5, 200, 20, 3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(6), TimeSpan.FromMinutes(10), 0);

    /// <summary>The profile the environment asks for, with a seed (given, else fresh).</summary>
    public static ChaosProfile Current()
    {
        var profile = Environment.GetEnvironmentVariable("CHAOS_PROFILE") switch
        {
            null or "" or "fast" => Fast,
            "full" => Full,
            var other => throw new InvalidOperationException($"CHAOS_PROFILE={other}: expected fast or full"),
        };
        var seed = Environment.GetEnvironmentVariable("CHAOS_SEED") is { Length: > 0 } text
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : Random.Shared.Next(1, int.MaxValue);
        return profile with { Seed = seed };
    }

    public bool IsFull => Name == Full.Name;

    /// <summary>Clients are declared in this many waves, one right after each restart, so that kills hit work in flight.</summary>
    public int ClientWaves => Math.Max(1, Kills);
}
