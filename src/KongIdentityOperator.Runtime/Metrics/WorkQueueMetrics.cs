namespace KongIdentityOperator.Runtime.Metrics;

/// <summary>client-go's work queue metrics (as exposed by controller-runtime), for one queue.</summary>
internal sealed class WorkQueueMetrics
{
    /// <summary>controller-runtime's buckets for queue and work durations: 10ns to 1000s, by powers of ten.</summary>
    public static readonly IReadOnlyList<double> DurationBuckets =
        [1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100, 1000];

    public WorkQueueMetrics(MetricsRegistry registry, string name)
    {
        ArgumentNullException.ThrowIfNull(registry);
        string[] labels = ["controller", "name"];
        string[] values = [name, name];
        Depth = registry.CreateGauge("workqueue_depth", "Current depth of workqueue", labels).WithLabels(values);
        Adds = registry.CreateCounter("workqueue_adds_total", "Total number of adds handled by workqueue", labels).WithLabels(values);
        Retries = registry.CreateCounter("workqueue_retries_total", "Total number of retries handled by workqueue", labels).WithLabels(values);
        QueueDuration = registry.CreateHistogram(
            "workqueue_queue_duration_seconds", "How long in seconds an item stays in workqueue before being requested", DurationBuckets, labels).WithLabels(values);
        WorkDuration = registry.CreateHistogram(
            "workqueue_work_duration_seconds", "How long in seconds processing an item from workqueue takes", DurationBuckets, labels).WithLabels(values);
    }

    public Gauge.Child Depth { get; }

    public Counter.Child Adds { get; }

    public Counter.Child Retries { get; }

    public Histogram.Child QueueDuration { get; }

    public Histogram.Child WorkDuration { get; }
}
