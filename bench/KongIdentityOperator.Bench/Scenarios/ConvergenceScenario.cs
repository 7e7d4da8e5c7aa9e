using System.Diagnostics;
using KongIdentityOperator.Bench.Measurement;
using KongIdentityOperator.Bench.Results;
using KongIdentityOperator.Bench.Sandbox;
using KongIdentityOperator.Bench.Workload;

namespace KongIdentityOperator.Bench.Scenarios;

/// <summary>
/// Applies a whole scenario at once to an idle, synced operator and waits until every object is Ready. The
/// emulator's rate-limit window starts with the first call of the run.
/// </summary>
internal static class ConvergenceScenario
{
    public static async Task<ConvergenceResult> RunAsync(
        BenchContext context, BenchSandbox sandbox, OperatorProcess process, ScenarioObjects objects, CancellationToken cancellationToken)
    {
        await using var trackers = await ReadyTrackers.StartAsync(sandbox.Client, objects.Namespace, cancellationToken);
        sandbox.ApplyKonnectLimits(context.Options.LatencyMs, context.Options.RateLimitPerMinute);
        var before = KonnectCounts.Of(sandbox.Konnect);
        var kubeWritesBefore = KubeWrites.Count(sandbox.KubeApi);
        var cpuBefore = process.CpuTime;
        var started = Stopwatch.GetTimestamp();
        context.Say($"applying {objects.Total} objects in namespace {objects.Namespace}");
        await objects.ApplyAsync(sandbox.Client, parallelism: 8, cancellationToken);
        context.Say($"applied in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s; waiting for Ready");

        await trackers.WaitForAsync(objects, TimeSpan.FromMinutes(30), context, cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(started, trackers.LastReadyAt(objects)).TotalSeconds;
        var calls = KonnectCounts.Of(sandbox.Konnect).Since(before);
        var floorCalls = Floor.Calls(objects);
        var floorSeconds = Floor.Time(floorCalls, context.Options.RateLimitPerMinute).TotalSeconds;
        return new ConvergenceResult(
            objects.Total,
            seconds,
            calls.Total,
            calls.RateLimited,
            floorCalls,
            floorSeconds,
            seconds / floorSeconds,
            KubeWrites.Count(sandbox.KubeApi) - kubeWritesBefore,
            (process.CpuTime - cpuBefore).TotalSeconds,
            calls.ByRoute);
    }
}
