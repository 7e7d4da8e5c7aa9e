namespace KongIdentityOperator.Observation;

/// <summary>How long what the operator saw in Konnect may stand in for another look.</summary>
internal sealed record RemoteObservationSettings
{
    /// <summary>
    /// How long a list, a GET or the answer to one of our own writes counts as the current state. A change made in
    /// Konnect by someone else within this time is seen at the next look after it (at the latest, the next resync).
    /// </summary>
    public TimeSpan Freshness { get; init; } = MaxFreshness;

    /// <summary>The longest freshness: long enough for a bulk apply of thousands of objects to use one list.</summary>
    public static TimeSpan MaxFreshness { get; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// At most half the resync period, so that every resync looks at Konnect again (what corrects drift made in the
    /// Konnect UI), and at most <see cref="MaxFreshness"/>.
    /// </summary>
    public static RemoteObservationSettings For(TimeSpan resyncPeriod) =>
        new() { Freshness = resyncPeriod / 2 < MaxFreshness ? resyncPeriod / 2 : MaxFreshness };
}
