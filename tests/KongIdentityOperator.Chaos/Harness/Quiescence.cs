namespace KongIdentityOperator.Chaos.Harness;

/// <summary>
/// "The operator has nothing left to do", from its own metrics: caches synced, at least so many reconciles done, no
/// key queued and no worker busy, three scrapes in a row. Lets a test assert what did not happen without sleeping.
/// </summary>
internal static class Quiescence
{
    public static Task WaitAsync(OperatorProcess process, double minReconciles, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var quiet = 0;
        return Poll.MatchAsync(
            async () =>
            {
                var ready = await process.GetAsync("readyz", cancellationToken);
                var metrics = await process.GetAsync("metrics", cancellationToken);
                if (ready is not { Status: System.Net.HttpStatusCode.OK } || metrics is not { } m)
                {
                    quiet = 0;
                    return "not ready";
                }

                var reconciles = PrometheusText.Sum(m.Body, "controller_runtime_reconcile_total");
                var depth = PrometheusText.Sum(m.Body, "workqueue_depth");
                var busy = PrometheusText.Sum(m.Body, "controller_runtime_active_workers");
                quiet = reconciles >= minReconciles && depth == 0 && busy == 0 ? quiet + 1 : 0;
                return $"{reconciles} reconciles, depth {depth}, busy {busy}";
            },
            _ => quiet >= 3,
            state => state,
            "the operator to be quiescent",
            timeout ?? TimeSpan.FromSeconds(90),
            cancellationToken,
            TimeSpan.FromMilliseconds(500));
    }
}
