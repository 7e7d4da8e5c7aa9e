using KongIdentityOperator.Bench.Measurement;
using KongIdentityOperator.Bench.Results;
using KongIdentityOperator.Bench.Sandbox;
using KongIdentityOperator.Bench.Workload;

namespace KongIdentityOperator.Bench.Scenarios;

/// <summary>
/// A fresh sandbox and operator with many Clients of one AuthServer applied at once: how long they take, and the
/// operator's peak working set (VmHWM) and GC heap (sampled every second from its metrics) with all of them cached.
/// </summary>
internal static class MemoryScenario
{
    public static async Task<MemoryResult> RunAsync(BenchContext context, string repositoryRoot, CancellationToken cancellationToken)
    {
        await using var sandbox = await BenchSandbox.StartAsync(context.WorkDirectory, repositoryRoot, gatewayServices: 0, cancellationToken);
        var objects = new ScenarioObjects("memory", Scopes: 1, Claims: 0, Clients: context.Options.MemoryClients, Policies: 0);
        await sandbox.CreateNamespaceAsync(objects.Namespace, cancellationToken);
        await using var process = context.StartOperator(sandbox, "memory");
        await process.WaitUntilReadyAsync(TimeSpan.FromMinutes(2), cancellationToken);

        var peakGcHeap = 0.0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(
            async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peakGcHeap = Math.Max(peakGcHeap, (await process.ScrapeAsync(CancellationToken.None)).GcHeapBytes ?? 0);
                    await Task.Delay(1000, CancellationToken.None);
                }
            },
            CancellationToken.None);

        var convergence = await ConvergenceScenario.RunAsync(context, sandbox, process, objects, cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        await sampling.CancelAsync();
        await sampler;
        var after = await process.ScrapeAsync(cancellationToken);
        return new MemoryResult(
            objects.Clients,
            convergence.Seconds,
            convergence.KonnectCalls,
            convergence.RateLimited,
            convergence.RatioToFloor,
            process.PeakWorkingSet,
            Math.Max(peakGcHeap, after.GcHeapBytes ?? 0),
            process.WorkingSet,
            after.GcHeapBytes ?? 0);
    }
}
