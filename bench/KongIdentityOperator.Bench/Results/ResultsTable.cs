using System.Globalization;

namespace KongIdentityOperator.Bench.Results;

/// <summary>The results as a plain-text table: one row per number, with the issue's target beside it.</summary>
internal static class ResultsTable
{
    public static void Write(BenchResults results, TextWriter output)
    {
        var rows = new List<(string Area, string Metric, string Value, string Target)>();
        if (results.Convergence is { } c)
        {
            rows.Add(("convergence", $"{c.Objects:N0} objects applied at once → all Ready", $"{c.Seconds:F1} s", string.Empty));
            rows.Add((string.Empty, "Konnect calls (floor)", $"{c.KonnectCalls:N0} ({c.FloorCalls:N0})", string.Empty));
            rows.Add((string.Empty, "429 answers", $"{c.RateLimited:N0}", Mark("0", c.RateLimited == 0)));
            rows.Add((string.Empty, "time ÷ floor (floor = calls ÷ rate limit)", $"{c.RatioToFloor:F2}× ({c.FloorSeconds:F1} s)", Mark("≤ 1.2×", c.RatioToFloor <= 1.2)));
            rows.Add((string.Empty, "operator CPU", $"{c.OperatorCpuSeconds:F1} s", string.Empty));
        }

        if (results.AtRest is { } r)
        {
            rows.Add(("at rest", $"Konnect calls per resync ({r.Objects:N0} objects)", $"{r.CallsPerResync:F1}", string.Empty));
            rows.Add((string.Empty, "writes per resync", $"{r.WritesPerResync:F1}", Mark("0", r.WritesPerResync < 0.5)));
            rows.Add((string.Empty, "list pages / item GETs per resync", $"{r.ListPagesPerResync:F1} / {r.ItemReadsPerResync:F1}", string.Empty));
            rows.Add((string.Empty, "list pages per 100 children", $"{r.ListPagesPer100Children:F2}", Mark($"≤ 1 page per 100 children of each collection ({r.ListPageBound} pages), no GET per child", r.ListPagesPerResync <= r.ListPageBound + 0.5 && r.ItemReadsPerResync < 1.5)));
            rows.Add((string.Empty, "Kubernetes writes per resync", $"{r.KubernetesWritesPerResync:F1}", string.Empty));
            rows.Add((string.Empty, $"CPU per hour at {r.ResyncPeriodSeconds:F0} s resync (measured)", $"{r.CpuSecondsPerHourMeasured:F0} s", string.Empty));
            rows.Add((string.Empty, "CPU per resync pass / idle CPU per hour", $"{r.CpuSecondsPerResync:F2} s / {r.IdleCpuSecondsPerHour:F1} s", string.Empty));
            rows.Add((string.Empty, "CPU per hour at the default 10 min resync", $"{r.CpuSecondsPerHourAtDefaultResync:F1} s", string.Empty));
        }

        if (results.Latency is { } l)
        {
            rows.Add(("latency", $"apply → Ready, one Client ({l.Samples} samples) p50 / p99", $"{l.P50Milliseconds:F0} / {l.P99Milliseconds:F0} ms", string.Empty));
            rows.Add((string.Empty, "Konnect calls made per Client (round trips needed: 2)", $"{l.KonnectCallsPerSample:F0} (2 × latency = {l.RoundTripMilliseconds:F0} ms)", string.Empty));
            rows.Add((string.Empty, "p50 / p99 as a multiple of the round trips", $"{l.P50Multiple:F2}× / {l.P99Multiple:F2}×", Mark("p99 ≤ 2×", l.P99Multiple <= 2)));
        }

        var goals = results.MemoryGoals;
        if (results.Idle is { } idle)
        {
            rows.Add(("memory", "idle: working set / GC heap (ready, no objects)", $"{Mb(idle.WorkingSetBytes)} / {Mb(idle.GcHeapBytes)}", Mark($"≤ {Mb(goals.IdleWorkingSetBytes)}", idle.WorkingSetBytes <= goals.IdleWorkingSetBytes)));
        }

        if (results.UnrelatedSecrets is { } secrets)
        {
            rows.Add(("memory", $"{secrets.Secrets:N0} unrelated 8 KB Secrets: working set (peak)", $"{Mb(secrets.WorkingSetBytes)} ({Mb(secrets.PeakWorkingSetBytes)})", string.Empty));
            rows.Add((string.Empty, "more than idle", Mb(secrets.DeltaToIdleBytes), Mark($"≤ {Mb(goals.UnrelatedSecretsDeltaBytes)}", secrets.DeltaToIdleBytes <= goals.UnrelatedSecretsDeltaBytes)));
        }

        if (results.Memory is { } m)
        {
            rows.Add(("memory", $"{m.Clients:N0} Clients over {m.AuthServers} AuthServers → all Ready", $"{m.ConvergenceSeconds:F1} s ({m.RatioToFloor:F2}× floor, {m.RateLimited:N0} × 429)", string.Empty));
            rows.Add((string.Empty, "peak working set", Mb(m.PeakWorkingSetBytes), Mark($"≤ {Mb(goals.ClientsPeakWorkingSetBytes)}", m.PeakWorkingSetBytes <= goals.ClientsPeakWorkingSetBytes)));
            rows.Add((string.Empty, "peak GC heap", Mb(m.PeakGcHeapBytes), string.Empty));
            rows.Add((string.Empty, "working set / GC heap after convergence", $"{Mb(m.WorkingSetAfterBytes)} / {Mb(m.GcHeapAfterBytes)}", string.Empty));
        }

        if (results.Tenancy is { } t)
        {
            rows.Add(("tenancy", $"apply → Ready, {t.Clients} Clients of a healthy tenant, alone: p50 / p99", $"{t.AloneP50Milliseconds:F0} / {t.AloneP99Milliseconds:F0} ms", string.Empty));
            rows.Add((string.Empty, $"the same next to a tenant whose Konnect hangs ({t.HangingAuthServers} AuthServers): p50 / p99", $"{t.NextToHungP50Milliseconds:F0} / {t.NextToHungP99Milliseconds:F0} ms", string.Empty));
            rows.Add((string.Empty, "p99 next to the hanging tenant ÷ p99 alone", $"{t.P99Ratio:F2}×", Mark("≤ 2×", t.P99Ratio <= 2)));
            rows.Add((string.Empty, "Konnect calls of the healthy tenant: alone / next to it", $"{t.AloneKonnectCalls:N0} / {t.NextToHungKonnectCalls:N0}", string.Empty));
            rows.Add((string.Empty, "calls held by the hanging server (limit per connection)", $"{t.HungCallsInFlight} ({t.MaxInFlight})", Mark($"≤ {t.MaxInFlight}", t.HungCallsInFlight <= t.MaxInFlight)));
        }

        if (results.Startup is { } s)
        {
            rows.Add(("startup", $"process start → caches synced ({s.Objects:N0} objects)", $"{s.CachesSyncedSeconds:F2} s", string.Empty));
            rows.Add((string.Empty, "→ first reconcile done", $"{s.FirstReconcileSeconds:F2} s", string.Empty));
            rows.Add((string.Empty, "→ every object reconciled once", $"{s.AllReconciledSeconds:F2} s ({s.KonnectCalls:N0} Konnect calls)", string.Empty));
        }

        var widths = new[] { rows.Max(r => r.Area.Length), rows.Max(r => r.Metric.Length), rows.Max(r => r.Value.Length), rows.Max(r => r.Target.Length) };
        output.WriteLine($"Kong Identity Operator benchmark, {results.Date:yyyy-MM-dd HH:mm} UTC, {results.Machine}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Konnect emulator: {results.LatencyMs} ms per call, {results.RateLimitPerMinute:N0} calls/min per token; --max-concurrent-reconciles {results.MaxConcurrentReconciles}"));
        output.WriteLine();
        foreach (var (area, metric, value, target) in rows)
        {
            output.WriteLine($"{area.PadRight(widths[0])}  {metric.PadRight(widths[1])}  {value.PadLeft(widths[2])}  {target}".TrimEnd());
        }
    }

    private static string Mark(string target, bool met) => $"target {target}: {(met ? "met" : "NOT met")}";

    private static string Mb(double bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024):F0} MB");
}
