using System.Diagnostics;
using System.Net;

namespace KongIdentityOperator.Bench.Measurement;

/// <summary>What the benchmark reads from a running operator: when it became ready, and its metrics.</summary>
internal static class OperatorProcessReadings
{
    /// <summary>Waits until <c>/readyz</c> answers 200 (caches synced), polling every 5 ms; the time since the start.</summary>
    public static async Task<TimeSpan> WaitUntilReadyAsync(this OperatorProcess process, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!await process.WaitUntilOkAsync("readyz", timeout, TimeSpan.FromMilliseconds(5), cancellationToken))
        {
            throw process.HasExited
                ? new InvalidOperationException($"the operator exited; see {process.LogFile}")
                : new TimeoutException("the operator did not become ready");
        }

        return Stopwatch.GetElapsedTime(process.StartedAt);
    }

    public static async Task<OperatorMetrics> ScrapeAsync(this OperatorProcess process, CancellationToken cancellationToken) =>
        await process.GetAsync("metrics", cancellationToken) is { Status: HttpStatusCode.OK } scraped
            ? OperatorMetrics.Parse(scraped.Body)
            : throw new InvalidOperationException($"the operator's /metrics did not answer (exited: {process.HasExited}); see {process.LogFile}");
}
