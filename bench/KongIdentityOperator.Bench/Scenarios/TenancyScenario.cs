using System.Diagnostics;
using KongIdentityOperator.Bench.Measurement;
using KongIdentityOperator.Bench.Results;
using KongIdentityOperator.Bench.Sandbox;
using KongIdentityOperator.Bench.Workload;

namespace KongIdentityOperator.Bench.Scenarios;

/// <summary>
/// A healthy tenant applying its configuration (an AuthServer, a Scope and 20 Clients at once), apply → Ready of each
/// Client, measured twice on one warmed-up operator: alone, and next to a tenant whose Konnect server hangs (accepts,
/// never answers) with several AuthServers queued against it. A Client is Ready only after its AuthServer, so the
/// samples include waiting for an AuthServer worker, which is what a hanging tenant would take.
/// </summary>
internal static class TenancyScenario
{
    public const int Clients = 20;
    public const int HangingAuthServers = 10;

    /// <summary>The operator's default <c>--konnect-max-in-flight</c> with the scenario's <c>--max-concurrent-reconciles</c>.</summary>
    private static int MaxInFlight(BenchContext context) => Math.Max(1, context.Options.MaxConcurrentReconciles / 2);

    public static async Task<TenancyResult> RunAsync(BenchContext context, string repositoryRoot, CancellationToken cancellationToken)
    {
        await using var sandbox = await BenchSandbox.StartAsync(context.WorkDirectory, repositoryRoot, 0, cancellationToken);
        sandbox.ApplyKonnectLimits(context.Options.LatencyMs, context.Options.RateLimitPerMinute);
        await using var hanging = new HangingServer();
        await using var process = context.StartOperatorFor(sandbox, "tenancy", [sandbox.Konnect.BaseAddress, hanging.BaseAddress]);
        await process.WaitUntilReadyAsync(TimeSpan.FromMinutes(2), cancellationToken);

        // The first tenant pays for the operator's warm-up (JIT, connection pools); it is not measured.
        await MeasureAsync(context, sandbox, "tenancy-warmup", cancellationToken);
        var alone = await MeasureAsync(context, sandbox, "tenancy-alone", cancellationToken);
        context.Say($"  alone: p50 {alone.P50:F0} ms, p99 {alone.P99:F0} ms, {alone.Calls} Konnect calls");

        await sandbox.CreateNamespaceAsync("tenancy-hung", cancellationToken);
        var hung = new ScenarioObjects("tenancy-hung", 0, 0, 0, 0);
        for (var i = 0; i < HangingAuthServers; i++)
        {
            var authServer = hung.AuthServer();
            authServer.Metadata.Name = $"hung-{i}";
            authServer.Spec.DisplayName = $"hung-{i}";
            authServer.Spec.Konnect!.ServerUrl = hanging.BaseAddress.AbsoluteUri.TrimEnd('/');
            await sandbox.Client.CreateAsync(authServer, cancellationToken);
        }

        var deadline = Stopwatch.GetTimestamp() + (60 * Stopwatch.Frequency);
        while (hanging.Connections < MaxInFlight(context) && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(50, cancellationToken);
        }

        var next = await MeasureAsync(context, sandbox, "tenancy-next-to-hung", cancellationToken);
        context.Say($"  next to a hanging tenant: p50 {next.P50:F0} ms, p99 {next.P99:F0} ms, {next.Calls} Konnect calls; the hanging server holds {hanging.Connections} calls");
        return new TenancyResult(
            Clients, HangingAuthServers, MaxInFlight(context), alone.P50, alone.P99, next.P50, next.P99, next.P99 / alone.P99, alone.Calls, next.Calls, hanging.Connections);
    }

    private static async Task<(double P50, double P99, long Calls)> MeasureAsync(BenchContext context, BenchSandbox sandbox, string ns, CancellationToken cancellationToken)
    {
        var objects = new ScenarioObjects(ns, Scopes: 1, Claims: 0, Clients: Clients, Policies: 0) { ServerUrl = sandbox.Konnect.BaseAddress.AbsoluteUri.TrimEnd('/') };
        await sandbox.CreateNamespaceAsync(ns, cancellationToken);
        await using var trackers = await ReadyTrackers.StartAsync(sandbox.Client, ns, cancellationToken);
        var before = sandbox.Konnect.Requests.Total;
        var started = Stopwatch.GetTimestamp();
        await sandbox.Client.CreateAsync(objects.AuthServer(), cancellationToken);
        await sandbox.Client.CreateAsync(objects.Scope(0), cancellationToken);
        for (var i = 0; i < Clients; i++)
        {
            await sandbox.Client.CreateAsync(objects.Client(i), cancellationToken);
        }

        await trackers.WaitForAsync(objects, TimeSpan.FromMinutes(5), context, cancellationToken);
        var samples = Enumerable.Range(0, Clients)
            .Select(i => Stopwatch.GetElapsedTime(started, trackers.Clients.ReadyAt(ScenarioObjects.ClientName(i))!.Value).TotalMilliseconds)
            .Order()
            .ToList();
        await LatencyScenario.Quiet(sandbox, cancellationToken);
        return (LatencyScenario.Percentile(samples, 0.5), LatencyScenario.Percentile(samples, 0.99), sandbox.Konnect.Requests.Total - before);
    }
}
