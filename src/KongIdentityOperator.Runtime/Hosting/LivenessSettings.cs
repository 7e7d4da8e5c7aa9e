namespace KongIdentityOperator.Runtime.Hosting;

/// <summary>When <c>/healthz</c> calls the operator stuck (docs/operations.md, "Probes").</summary>
public sealed class LivenessSettings
{
    /// <summary>A worker in one reconcile for longer than this is stuck.</summary>
    public TimeSpan MaxReconcileDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// A watch without an event, a bookmark, a completed list or a completed watch request for longer than this is
    /// stuck, when the API server answered in the meantime. Null: the longest a healthy watch request lasts
    /// (<see cref="Builder.OperatorSettings.WatchTimeout"/> randomized up to twice it) plus two minutes.
    /// </summary>
    public TimeSpan? MaxWatchSilence { get; set; }
}
