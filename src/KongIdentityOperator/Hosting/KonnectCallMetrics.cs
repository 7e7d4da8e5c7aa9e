using System.Globalization;
using KongIdentityOperator.Konnect.Observability;
using KongIdentityOperator.Runtime.Metrics;
using Prometheus;

namespace KongIdentityOperator.Hosting;

/// <summary>
/// Exports every Konnect HTTP attempt as <c>konnect_requests_total{method,route,code}</c> (route is the template, so
/// no ids or values reach the metrics) and <c>konnect_request_duration_seconds</c>.
/// </summary>
internal sealed class KonnectCallMetrics(MetricsRegistry registry) : IKonnectCallObserver
{
    private static readonly double[] Buckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Counter _requests = registry.Factory.CreateCounter(
        "konnect_requests_total", "Konnect API requests by method, route template and status code (0 = no response).", ["method", "route", "code"]);

    private readonly Histogram _duration = registry.Factory.CreateHistogram(
        "konnect_request_duration_seconds", "Konnect API request latency by method and route template.", ["method", "route"], new HistogramConfiguration { Buckets = Buckets });

    public void OnAttempt(KonnectCallAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var code = (attempt.StatusCode ?? 0).ToString(CultureInfo.InvariantCulture);
        _requests.WithLabels(attempt.Method, attempt.Route, code).Inc();
        _duration.WithLabels(attempt.Method, attempt.Route).Observe(attempt.Duration.TotalSeconds);
    }
}
