namespace KongIdentityOperator.Runtime.Metrics;

/// <summary>What the registry needs of any metric family to expose it.</summary>
internal interface IMetricFamily
{
    string Name { get; }

    string Help { get; }

    MetricType Type { get; }

    void Write(PrometheusTextWriter writer);
}
