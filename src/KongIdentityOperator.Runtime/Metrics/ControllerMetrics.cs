using Prometheus;

namespace KongIdentityOperator.Runtime.Metrics;

/// <summary>controller-runtime's reconcile metrics for one controller, under the same names so that dashboards work.</summary>
internal sealed class ControllerMetrics
{
    /// <summary>controller-runtime's default buckets for <c>controller_runtime_reconcile_time_seconds</c>.</summary>
    public static readonly double[] ReconcileTimeBuckets =
    [
        0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0,
        1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60,
    ];

    private readonly Counter _total;
    private readonly string _controller;

    public ControllerMetrics(MetricsRegistry registry, string controller, int maxConcurrentReconciles)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var factory = registry.Factory;
        _controller = controller;
        _total = factory.CreateCounter("controller_runtime_reconcile_total", "Total number of reconciliations per controller", ["controller", "result"]);

        // Pre-create every result so that rate() queries see zeros rather than absent series.
        foreach (var result in new[] { Success, Error, Requeue, RequeueAfter })
        {
            _total.WithLabels(controller, result);
        }

        Errors = factory.CreateCounter("controller_runtime_reconcile_errors_total", "Total number of reconciliation errors per controller", ["controller"]).WithLabels(controller);
        ReconcileTime = factory.CreateHistogram(
            "controller_runtime_reconcile_time_seconds",
            "Length of time per reconciliation per controller",
            ["controller"],
            new HistogramConfiguration { Buckets = ReconcileTimeBuckets }).WithLabels(controller);
        ActiveWorkers = factory.CreateGauge("controller_runtime_active_workers", "Number of currently used workers per controller", ["controller"]).WithLabels(controller);
        factory.CreateGauge("controller_runtime_max_concurrent_reconciles", "Maximum number of concurrent reconciles per controller", ["controller"])
            .WithLabels(controller).Set(maxConcurrentReconciles);
    }

    public const string Success = "success";
    public const string Error = "error";
    public const string Requeue = "requeue";
    public const string RequeueAfter = "requeue_after";

    public ICounter Errors { get; }

    public IHistogram ReconcileTime { get; }

    public IGauge ActiveWorkers { get; }

    public void CountResult(string result) => _total.WithLabels(_controller, result).Inc();
}
