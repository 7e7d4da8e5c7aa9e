using KongIdentityOperator.Sandbox.Konnect;

namespace KongIdentityOperator.Bench.Measurement;

/// <summary>The emulator's call counts at one moment; subtract two to get what happened in between.</summary>
internal sealed record KonnectCounts(long Total, long RateLimited, IReadOnlyDictionary<string, long> ByRoute)
{
    public static KonnectCounts Of(KonnectEmulator konnect) =>
        new(konnect.Requests.Total, konnect.Requests.CountStatus(429), konnect.Requests.ByRoute);

    public KonnectCounts Since(KonnectCounts earlier) =>
        new(
            Total - earlier.Total,
            RateLimited - earlier.RateLimited,
            ByRoute.Select(r => (r.Key, Value: r.Value - earlier.ByRoute.GetValueOrDefault(r.Key)))
                .Where(r => r.Value != 0)
                .ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal));

    /// <summary>Calls other than GET.</summary>
    public long Writes => ByRoute.Where(r => !r.Key.StartsWith("GET ", StringComparison.Ordinal)).Sum(r => r.Value);

    /// <summary>GETs of a collection (a list page) rather than of one object (whose template ends with an id).</summary>
    public long ListPages => ByRoute.Where(r => r.Key.StartsWith("GET ", StringComparison.Ordinal) && !r.Key.EndsWith('}')).Sum(r => r.Value);

    /// <summary>GETs of one object.</summary>
    public long ItemReads => ByRoute.Where(r => r.Key.StartsWith("GET ", StringComparison.Ordinal) && r.Key.EndsWith('}')).Sum(r => r.Value);
}
