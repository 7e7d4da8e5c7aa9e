using System.Diagnostics;
using KongIdentityOperator.Bench.Results;
using KongIdentityOperator.Bench.Sandbox;
using KongIdentityOperator.Bench.Workload;

namespace KongIdentityOperator.Bench.Scenarios;

/// <summary>
/// Creates one Client at a time in a namespace of its own (with its AuthServer and one Scope already Ready) and
/// measures create → Ready. The next Client is created only after the operator has gone quiet again.
/// </summary>
internal static class LatencyScenario
{
    /// <summary>
    /// Konnect round trips a new Client needs: one read (does a client with this id exist, and whose is it?) and the
    /// PUT. Everything else (finalizer, Secret, status) is a Kubernetes write.
    /// </summary>
    public const int RoundTripsNeeded = 2;

    public static async Task<LatencyResult> RunAsync(BenchContext context, BenchSandbox sandbox, CancellationToken cancellationToken)
    {
        var objects = new ScenarioObjects("latency", Scopes: 1, Claims: 0, Clients: 0, Policies: 0);
        await sandbox.CreateNamespaceAsync(objects.Namespace, cancellationToken);
        await using var trackers = await ReadyTrackers.StartAsync(sandbox.Client, objects.Namespace, cancellationToken);
        await objects.ApplyAsync(sandbox.Client, parallelism: 2, cancellationToken);
        await trackers.WaitForAsync(objects, TimeSpan.FromMinutes(2), context, cancellationToken);

        var samples = new List<double>();
        var calls = new List<long>();
        for (var i = 0; i < context.Options.LatencySamples; i++)
        {
            await Quiet(sandbox, cancellationToken);
            var before = sandbox.Konnect.Requests.Total;
            var name = ScenarioObjects.ClientName(i);
            var started = Stopwatch.GetTimestamp();
            await sandbox.Client.CreateAsync(objects.Client(i), cancellationToken);
            var deadline = started + (30 * Stopwatch.Frequency);
            long? readyAt;
            while ((readyAt = trackers.Clients.ReadyAt(name)) is null)
            {
                if (Stopwatch.GetTimestamp() > deadline)
                {
                    throw new TimeoutException($"Client {name} did not become Ready within 30 s");
                }

                await Task.Delay(1, cancellationToken);
            }

            samples.Add(Stopwatch.GetElapsedTime(started, readyAt.Value).TotalMilliseconds);
            await Quiet(sandbox, cancellationToken);
            calls.Add(sandbox.Konnect.Requests.Total - before);
        }

        samples.Sort();
        var perSample = Percentile([.. calls.Select(c => (double)c).Order()], 0.5);
        var roundTrips = RoundTripsNeeded * context.Options.LatencyMs;
        var p50 = Percentile(samples, 0.5);
        var p99 = Percentile(samples, 0.99);
        return new LatencyResult(samples.Count, p50, p99, samples[^1], perSample, roundTrips, p50 / roundTrips, p99 / roundTrips);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double quantile) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];

    // The operator is idle again once the emulator has seen no call for 300 ms (follow-up reconciles included).
    internal static async Task Quiet(BenchSandbox sandbox, CancellationToken cancellationToken)
    {
        var last = sandbox.Konnect.Requests.Total;
        var since = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(since) < TimeSpan.FromMilliseconds(300))
        {
            await Task.Delay(25, cancellationToken);
            var now = sandbox.Konnect.Requests.Total;
            if (now != last)
            {
                last = now;
                since = Stopwatch.GetTimestamp();
            }
        }
    }
}
