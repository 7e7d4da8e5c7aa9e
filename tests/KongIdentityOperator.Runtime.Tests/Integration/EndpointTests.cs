using System.Net;
using KongIdentityOperator.Runtime.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace KongIdentityOperator.Runtime.Tests.Integration;

public sealed class EndpointTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Probes_and_metrics_are_served_with_controller_runtime_names()
    {
        await using var cluster = await TestCluster.StartAsync();
        var host = await cluster.StartOperatorAsync();
        host.Services.GetRequiredService<MetricsRegistry>().Factory
            .CreateCounter("konnect_requests_total", "Requests to Konnect.", ["route", "code"]).WithLabels("/v1/auth-servers", "200").Inc();
        await cluster.CreateWidgetAsync("a");
        await Eventually.TrueAsync(() => host.Recorder.Count("ReconcileAsync", "default/a") == 1, "a reconcile");
        using var http = new HttpClient { BaseAddress = host.Endpoint };

        Assert.Equal("ok", await http.GetStringAsync(new Uri("/healthz", UriKind.Relative), Token));
        Assert.Equal("ok", await http.GetStringAsync(new Uri("/readyz", UriKind.Relative), Token));

        string text = string.Empty;
        await Eventually.TrueAsync(
            async () =>
            {
                using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative), Token);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
                text = await response.Content.ReadAsStringAsync(Token);
                return text.Contains("controller_runtime_reconcile_total{controller=\"widget\",result=\"success\"} 1", StringComparison.Ordinal);
            },
            "the reconcile to be counted");

        string[] expected =
        [
            "# TYPE controller_runtime_reconcile_total counter",
            "controller_runtime_reconcile_total{controller=\"widget\",result=\"error\"} 0",
            "controller_runtime_reconcile_total{controller=\"widget\",result=\"requeue_after\"} 0",
            "# TYPE controller_runtime_reconcile_errors_total counter",
            "controller_runtime_reconcile_errors_total{controller=\"widget\"} 0",
            "# TYPE controller_runtime_reconcile_time_seconds histogram",
            "controller_runtime_reconcile_time_seconds_bucket{controller=\"widget\",le=\"0.005\"}",
            "controller_runtime_reconcile_time_seconds_bucket{controller=\"widget\",le=\"60\"} 1",
            "controller_runtime_reconcile_time_seconds_bucket{controller=\"widget\",le=\"+Inf\"} 1",
            "controller_runtime_reconcile_time_seconds_count{controller=\"widget\"} 1",
            "# TYPE controller_runtime_active_workers gauge",
            "controller_runtime_active_workers{controller=\"widget\"} 0",
            "controller_runtime_max_concurrent_reconciles{controller=\"widget\"} 4",
            "# TYPE workqueue_depth gauge",
            "workqueue_depth{controller=\"widget\",name=\"widget\"} 0",
            "# TYPE workqueue_adds_total counter",
            "workqueue_adds_total{controller=\"widget\",name=\"widget\"} 1",
            "# TYPE workqueue_retries_total counter",
            "workqueue_retries_total{controller=\"widget\",name=\"widget\"} 0",
            "# TYPE workqueue_queue_duration_seconds histogram",
            "workqueue_queue_duration_seconds_count{controller=\"widget\",name=\"widget\"} 1",
            "konnect_requests_total{route=\"/v1/auth-servers\",code=\"200\"} 1",
            "# TYPE process_cpu_seconds_total counter",
            "# TYPE process_resident_memory_bytes gauge",
            "# TYPE process_start_time_seconds gauge",
            "# TYPE dotnet_gc_heap_size_bytes gauge",
            "# TYPE dotnet_gc_committed_bytes gauge",
            "# TYPE dotnet_gc_allocated_bytes_total counter",
            "dotnet_gc_collections_total{generation=\"0\"}",
        ];
        Assert.All(expected, line => Assert.Contains(line, text, StringComparison.Ordinal));
        Assert.True(Sample(text, "process_resident_memory_bytes") > 0, "the resident memory is measured");
        Assert.True(Sample(text, "dotnet_gc_allocated_bytes_total") > 0, "allocations are counted");
    }

    private static double Sample(string exposition, string name) =>
        double.Parse(
            exposition.Split('\n').Single(line => line.StartsWith(name + " ", StringComparison.Ordinal))[(name.Length + 1)..],
            System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_endpoint_can_be_disabled()
    {
        await using var cluster = await TestCluster.StartAsync();
        var host = await cluster.StartOperatorAsync(s => s.Endpoints.Enabled = false);

        Assert.Throws<InvalidOperationException>(() => host.Endpoint);
    }
}
