namespace KongIdentityOperator.Chaos.BadInput;

/// <summary>What one <see cref="StalledCase"/> did, measured through the Konnect tap by its namespace's token.</summary>
internal sealed record StalledOutcome(
    string Name,
    bool Reached,
    string Observed,
    int CallsSinceCreated,
    int WritesAccepted,
    int CallsInWindow,
    int WriteAttemptsInWindow,
    double WindowSeconds,
    IReadOnlyList<string> Problems)
{
    public double CallsPerMinute => WindowSeconds <= 0 ? 0 : Math.Round(CallsInWindow * 60 / WindowSeconds, 1);
}
