using System.Diagnostics;
using System.Text.Json;
using KongIdentityOperator.Bench;
using KongIdentityOperator.Bench.Measurement;
using KongIdentityOperator.Bench.Results;
using KongIdentityOperator.Bench.Sandbox;
using KongIdentityOperator.Bench.Scenarios;
using KongIdentityOperator.Bench.Workload;

// `make bench`: the real operator executable against the sandbox (in-memory API server + Konnect emulator at the
// issue's 20 ms and 3,000 calls/min). Prints a table and writes it as JSON. Numbers are reported, never asserted.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var root = RepositoryRoot.Path;
var output = Path.GetFullPath(options.Output, root);
var work = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(output)!, "logs")).FullName;
var context = new BenchContext(options, work, Console.Out);
var ct = stop.Token;
context.Say($"operator {options.OperatorDll}; logs in {work}");

ConvergenceResult? convergence = null;
LatencyResult? latency = null;
StartupResult? startup = null;
AtRestResult? atRest = null;
MemoryResult? memory = null;
TenancyResult? tenancy = null;
IdleMemory? idle = null;
SecretsMemory? secrets = null;
var wanted = options.Scenarios;
if (wanted.Contains("convergence") || wanted.Contains("latency") || wanted.Contains("atrest"))
{
    await using var sandbox = await BenchSandbox.StartAsync(work, root, options.Policies, ct);
    var objects = new ScenarioObjects("bench", options.Scopes, options.Claims, options.Clients, options.Policies);
    await sandbox.CreateNamespaceAsync(objects.Namespace, ct);
    double idleCpuPerHour;
    await using (var process = context.StartOperator(sandbox, "convergence"))
    {
        await process.WaitUntilReadyAsync(TimeSpan.FromMinutes(2), ct);
        context.Say("convergence");
        convergence = await ConvergenceScenario.RunAsync(context, sandbox, process, objects, ct);
        context.Say($"converged in {convergence.Seconds:F1} s with {convergence.KonnectCalls} Konnect calls and {convergence.RateLimited} 429s");
        if (wanted.Contains("latency"))
        {
            context.Say("latency");
            latency = await LatencyScenario.RunAsync(context, sandbox, ct);
        }

        // Idle: converged, no resync due (the default period is 10 min), nothing changing; after a pause, so that
        // background work of the burst (tiered JIT, GC) is not counted as idle cost.
        await Task.Delay(TimeSpan.FromSeconds(10), ct);
        context.Say("idle CPU for 30 s");
        var cpuBefore = process.CpuTime;
        var idleStarted = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(30), ct);
        idleCpuPerHour = (process.CpuTime - cpuBefore).TotalSeconds / Stopwatch.GetElapsedTime(idleStarted).TotalSeconds * 3600;
    }

    if (wanted.Contains("atrest"))
    {
        context.Say("startup and at rest");
        (startup, atRest) = await AtRestScenario.RunAsync(context, sandbox, objects, idleCpuPerHour, ct);
    }
}

if (wanted.Contains("idle") || wanted.Contains("secrets"))
{
    context.Say("memory idle");
    idle = await MemoryScenario.IdleAsync(context, root, ct);
}

if (wanted.Contains("secrets"))
{
    context.Say($"memory with {options.UnrelatedSecrets:N0} unrelated Secrets");
    secrets = await MemoryScenario.UnrelatedSecretsAsync(context, root, idle!, ct);
}

if (wanted.Contains("memory"))
{
    context.Say($"memory with {options.MemoryClients:N0} Clients");
    memory = await MemoryScenario.ClientsAsync(context, root, ct);
}

if (wanted.Contains("tenancy"))
{
    context.Say($"tenancy: {TenancyScenario.Clients} Clients of a healthy tenant, alone and next to a tenant whose Konnect hangs");
    tenancy = await TenancyScenario.RunAsync(context, root, ct);
}

var results = new BenchResults(
    DateTimeOffset.UtcNow, MachineDescription.Read(), options.LatencyMs, options.RateLimitPerMinute, options.MaxConcurrentReconciles,
    convergence, latency, startup, atRest, memory, idle, secrets, MemoryGoals.Current, tenancy);
Console.WriteLine();
ResultsTable.Write(results, Console.Out);
await File.WriteAllTextAsync(output, JsonSerializer.Serialize(results, BenchJsonContext.Default.BenchResults), ct);
Console.WriteLine();
Console.WriteLine($"written to {output}");
return 0;
