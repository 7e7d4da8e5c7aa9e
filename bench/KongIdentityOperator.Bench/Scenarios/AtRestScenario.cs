using System.Diagnostics;
using System.Globalization;
using KongIdentityOperator.Bench.Measurement;
using KongIdentityOperator.Bench.Results;
using KongIdentityOperator.Bench.Sandbox;
using KongIdentityOperator.Bench.Workload;

namespace KongIdentityOperator.Bench.Scenarios;

/// <summary>
/// A fresh operator over the converged objects of the convergence run: first its startup (process start → caches
/// synced → first reconcile → every object looked at once), then several short resync periods left alone.
/// </summary>
internal static class AtRestScenario
{
    public static async Task<(StartupResult Startup, AtRestResult AtRest)> RunAsync(
        BenchContext context, BenchSandbox sandbox, ScenarioObjects objects, double idleCpuSecondsPerHour, CancellationToken cancellationToken)
    {
        var period = context.Options.AtRestResync;
        sandbox.ApplyKonnectLimits(context.Options.LatencyMs, context.Options.RateLimitPerMinute);
        var before = KonnectCounts.Of(sandbox.Konnect);
        await using var process = context.StartOperator(
            sandbox, "at-rest", "--namespaces", objects.Namespace, "--resync-period", ((int)period.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s");
        var synced = (await process.WaitUntilReadyAsync(TimeSpan.FromMinutes(2), cancellationToken)).TotalSeconds;
        var first = await WaitForReconcilesAsync(process, 1, cancellationToken);
        var all = await WaitForReconcilesAsync(process, objects.Total, cancellationToken);
        var startupCalls = KonnectCounts.Of(sandbox.Konnect).Since(before);
        var startup = new StartupResult(objects.Total, synced, first, all, startupCalls.Total, process.CpuTime.TotalSeconds);
        context.Say($"startup: caches synced {synced:F2} s, first reconcile {first:F2} s, all {objects.Total} reconciled {all:F2} s");

        var window = period * context.Options.AtRestResyncs;
        context.Say($"at rest for {window.TotalSeconds:F0} s (resync every {period.TotalSeconds:F0} s)");
        var metricsBefore = await process.ScrapeAsync(cancellationToken);
        var callsBefore = KonnectCounts.Of(sandbox.Konnect);
        var kubeBefore = KubeWrites.Count(sandbox.KubeApi);
        var kubeLogBefore = sandbox.KubeApi.RequestLog.Count;
        var cpuBefore = process.CpuTime;
        var started = Stopwatch.GetTimestamp();
        await Task.Delay(window, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = (process.CpuTime - cpuBefore).TotalSeconds;
        var calls = KonnectCounts.Of(sandbox.Konnect).Since(callsBefore);
        var kubeWrites = KubeWrites.Count(sandbox.KubeApi) - kubeBefore;
        var reconciles = (await process.ScrapeAsync(cancellationToken)).KindReconciles - metricsBefore.KindReconciles;

        // Each pass reconciles every object once, so reconciles / objects counts the passes in the window.
        var passes = reconciles / objects.Total;
        var children = objects.Total - 1;
        var perPass = passes > 0 ? 1 / passes : double.NaN;
        var cpuPerPass = passes > 0 ? Math.Max(0, cpu - (idleCpuSecondsPerHour / 3600 * elapsed.TotalSeconds)) / passes : double.NaN;
        var atRest = new AtRestResult(
            objects.Total,
            period.TotalSeconds,
            elapsed.TotalSeconds,
            passes,
            calls.Total * perPass,
            calls.Writes * perPass,
            calls.ListPages * perPass,
            calls.ItemReads * perPass,
            calls.ListPages * perPass / (children / 100.0),
            objects.ListPageBound,
            kubeWrites * perPass,
            cpu / elapsed.TotalSeconds * 3600,
            idleCpuSecondsPerHour,
            cpuPerPass,
            idleCpuSecondsPerHour + (cpuPerPass * 6),
            calls.ByRoute,
            KubeWrites.ByResource(sandbox.KubeApi, kubeLogBefore));
        return (startup, atRest);
    }

    private static async Task<double> WaitForReconcilesAsync(OperatorProcess process, double count, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (300 * Stopwatch.Frequency);
        while ((await process.ScrapeAsync(cancellationToken)).KindReconciles < count)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"the operator did not reconcile {count} objects within 5 minutes");
            }

            await Task.Delay(10, cancellationToken);
        }

        return Stopwatch.GetElapsedTime(process.StartedAt).TotalSeconds;
    }
}
