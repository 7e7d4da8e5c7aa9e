namespace KongIdentityOperator.Runtime.Metrics;

/// <summary>The Prometheus metric types this registry exposes.</summary>
public enum MetricType
{
    Counter,
    Gauge,
    Histogram,
}
