using Prometheus;

namespace KongIdentityOperator.Runtime.Metrics;

/// <summary>client-go's work queue metrics (as exposed by controller-runtime), for one queue.</summary>
internal sealed class WorkQueueMetrics
{
    /// <summary>controller-runtime's buckets for queue and work durations: 10ns to 1000s, by powers of ten.</summary>
    public static readonly double[] DurationBuckets =
        [1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100, 1000];

    public WorkQueueMetrics(MetricsRegistry registry, string name)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var factory = registry.Factory;
        string[] labels = ["controller", "name"];
        string[] values = [name, name];
        var durations = new HistogramConfiguration { Buckets = DurationBuckets };
        Depth = factory.CreateGauge("workqueue_depth", "Current depth of workqueue", labels).WithLabels(values);
        Adds = factory.CreateCounter("workqueue_adds_total", "Total number of adds handled by workqueue", labels).WithLabels(values);
        Retries = factory.CreateCounter("workqueue_retries_total", "Total number of retries handled by workqueue", labels).WithLabels(values);
        QueueDuration = factory.CreateHistogram(
            "workqueue_queue_duration_seconds", "How long in seconds an item stays in workqueue before being requested", labels, durations).WithLabels(values);
        WorkDuration = factory.CreateHistogram(
            "workqueue_work_duration_seconds", "How long in seconds processing an item from workqueue takes", labels, durations).WithLabels(values);
    }

    public IGauge Depth { get; }

    public ICounter Adds { get; }

    public ICounter Retries { get; }

    public IHistogram QueueDuration { get; }

    public IHistogram WorkDuration { get; }
}
