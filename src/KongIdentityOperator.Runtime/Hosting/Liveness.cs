using KongIdentityOperator.Runtime.Builder;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Watcher;

namespace KongIdentityOperator.Runtime.Hosting;

/// <summary>
/// What <c>/healthz</c> reports: the process serves, no worker has been in one reconcile longer than
/// <see cref="LivenessSettings.MaxReconcileDuration"/>, and no watch has gone without progress for longer than
/// <see cref="LivenessSettings.MaxWatchSilence"/> while the API server kept answering. A stuck process fails the probe
/// and is restarted; an unreachable API server does not fail it, because a restart would not help.
/// </summary>
internal sealed class Liveness(
    IEnumerable<IResourceInformer> informers,
    IEnumerable<ReconcileActivity> controllers,
    ApiServerContact apiServer,
    OperatorSettings settings)
{
    private TimeSpan MaxWatchSilence => settings.Liveness.MaxWatchSilence ?? (2 * settings.WatchTimeout) + TimeSpan.FromMinutes(2);

    /// <summary>Why the operator is stuck, one line per finding (kinds, controllers and object keys only); empty when live.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var activity in controllers)
        {
            if (activity.Longest() is { } longest && longest.Duration > settings.Liveness.MaxReconcileDuration)
            {
                problems.Add($"controller {activity.Controller}: reconcile of {longest.Key} running for {Format(longest.Duration)}");
            }
        }

        var sinceAnswer = apiServer.SinceLastAnswer;
        foreach (var informer in informers)
        {
            var silence = informer.LongestWatchSilence;

            // Stuck only if the API server answered after this watch last made progress: otherwise it is unreachable.
            if (silence > MaxWatchSilence && sinceAnswer is { } answered && answered < silence)
            {
                problems.Add($"watch of {informer.Kind}: no progress for {Format(silence)} while the API server answers");
            }
        }

        return problems;
    }

    private static string Format(TimeSpan duration) => $"{(int)duration.TotalSeconds}s";
}
