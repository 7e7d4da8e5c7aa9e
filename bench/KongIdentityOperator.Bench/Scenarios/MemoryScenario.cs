using KongIdentityOperator.Bench.Measurement;
using KongIdentityOperator.Bench.Results;
using KongIdentityOperator.Bench.Sandbox;
using KongIdentityOperator.Bench.Workload;

namespace KongIdentityOperator.Bench.Scenarios;

/// <summary>
/// The operator's memory, each part in a fresh sandbox and process: idle (no objects), with many unrelated Secrets
/// in the cluster (against idle), and with many Clients converged (spread over AuthServers within Kong Identity's
/// limits). Working sets are VmRSS / VmHWM; the GC heap is sampled every second from the operator's metrics.
/// </summary>
internal static class MemoryScenario
{
    /// <summary>After readiness, how long the operator is left alone before its working set is read.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(15);

    /// <summary>Clients per AuthServer: half of Kong Identity's 5,000, as a real deployment would leave room.</summary>
    private const int ClientsPerAuthServer = 2_500;

    public static async Task<IdleMemory> IdleAsync(BenchContext context, string repositoryRoot, CancellationToken cancellationToken)
    {
        await using var sandbox = await BenchSandbox.StartAsync(context.WorkDirectory, repositoryRoot, gatewayServices: 0, cancellationToken);
        return await SettledAsync(context, sandbox, "idle", cancellationToken);
    }

    public static async Task<SecretsMemory> UnrelatedSecretsAsync(BenchContext context, string repositoryRoot, IdleMemory idle, CancellationToken cancellationToken)
    {
        await using var sandbox = await BenchSandbox.StartAsync(context.WorkDirectory, repositoryRoot, gatewayServices: 0, cancellationToken);
        var count = context.Options.UnrelatedSecrets;
        context.Say($"creating {count:N0} unrelated Secrets of {SecretsMemory.SecretBytes / 1024} KB");
        await sandbox.CreateUnrelatedSecretsAsync("unrelated", count, SecretsMemory.SecretBytes, cancellationToken);
        var settled = await SettledAsync(context, sandbox, "secrets", cancellationToken);
        return new SecretsMemory(count, settled.WorkingSetBytes, settled.PeakWorkingSetBytes, settled.WorkingSetBytes - idle.WorkingSetBytes);
    }

    public static async Task<MemoryResult> ClientsAsync(BenchContext context, string repositoryRoot, CancellationToken cancellationToken)
    {
        await using var sandbox = await BenchSandbox.StartAsync(context.WorkDirectory, repositoryRoot, gatewayServices: 0, cancellationToken);
        var total = context.Options.MemoryClients;
        var batches = Enumerable.Range(0, (total + ClientsPerAuthServer - 1) / ClientsPerAuthServer)
            .Select(i => new ScenarioObjects($"memory-{i}", Scopes: 1, Claims: 0, Clients: Math.Min(ClientsPerAuthServer, total - (i * ClientsPerAuthServer)), Policies: 0))
            .ToList();
        foreach (var batch in batches)
        {
            await sandbox.CreateNamespaceAsync(batch.Namespace, cancellationToken);
        }

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

        // One AuthServer's Clients after another: each batch is applied at once and converges before the next.
        var seconds = 0.0;
        long calls = 0, rateLimited = 0;
        var floorSeconds = 0.0;
        foreach (var batch in batches)
        {
            var convergence = await ConvergenceScenario.RunAsync(context, sandbox, process, batch, cancellationToken);
            seconds += convergence.Seconds;
            calls += convergence.KonnectCalls;
            rateLimited += convergence.RateLimited;
            floorSeconds += convergence.Seconds / convergence.RatioToFloor;
        }

        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        await sampling.CancelAsync();
        await sampler;
        var after = await process.ScrapeAsync(cancellationToken);
        return new MemoryResult(
            batches.Sum(b => b.Clients),
            batches.Count,
            seconds,
            calls,
            rateLimited,
            seconds / floorSeconds,
            process.PeakWorkingSet,
            Math.Max(peakGcHeap, after.GcHeapBytes ?? 0),
            process.WorkingSet,
            after.GcHeapBytes ?? 0);
    }

    private static async Task<IdleMemory> SettledAsync(BenchContext context, BenchSandbox sandbox, string name, CancellationToken cancellationToken)
    {
        await using var process = context.StartOperator(sandbox, name);
        await process.WaitUntilReadyAsync(TimeSpan.FromMinutes(5), cancellationToken);
        await Task.Delay(Settle, cancellationToken);
        var metrics = await process.ScrapeAsync(cancellationToken);
        return new IdleMemory(process.WorkingSet, process.PeakWorkingSet, metrics.GcHeapBytes ?? 0);
    }
}
