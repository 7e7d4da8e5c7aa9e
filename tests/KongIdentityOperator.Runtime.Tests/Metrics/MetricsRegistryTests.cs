using KongIdentityOperator.Runtime.Metrics;

namespace KongIdentityOperator.Runtime.Tests.Metrics;

public sealed class MetricsRegistryTests
{
    private readonly MetricsRegistry _registry = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Controller_metrics_use_controller_runtime_names_with_every_result_at_zero()
    {
        var metrics = new ControllerMetrics(_registry, "widget", maxConcurrentReconciles: 3);
        metrics.CountResult(ControllerMetrics.Success);
        metrics.ReconcileTime.Observe(0.2);

        var lines = (await _registry.ExportAsync(Token)).Split('\n');

        string[] expected =
        [
            "# TYPE controller_runtime_reconcile_total counter",
            "controller_runtime_reconcile_total{controller=\"widget\",result=\"success\"} 1",
            "controller_runtime_reconcile_total{controller=\"widget\",result=\"error\"} 0",
            "controller_runtime_reconcile_total{controller=\"widget\",result=\"requeue\"} 0",
            "controller_runtime_reconcile_total{controller=\"widget\",result=\"requeue_after\"} 0",
            "controller_runtime_reconcile_errors_total{controller=\"widget\"} 0",
            "# TYPE controller_runtime_reconcile_time_seconds histogram",
            "controller_runtime_reconcile_time_seconds_bucket{controller=\"widget\",le=\"0.15\"} 0",
            "controller_runtime_reconcile_time_seconds_bucket{controller=\"widget\",le=\"0.2\"} 1",
            "controller_runtime_reconcile_time_seconds_bucket{controller=\"widget\",le=\"+Inf\"} 1",
            "controller_runtime_reconcile_time_seconds_sum{controller=\"widget\"} 0.2",
            "controller_runtime_reconcile_time_seconds_count{controller=\"widget\"} 1",
            "controller_runtime_active_workers{controller=\"widget\"} 0",
            "controller_runtime_max_concurrent_reconciles{controller=\"widget\"} 3",
        ];
        Assert.All(expected, line => Assert.Contains(line, lines));
        Assert.Equal(ControllerMetrics.ReconcileTimeBuckets.Length + 1, lines.Count(l => l.StartsWith("controller_runtime_reconcile_time_seconds_bucket", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Two_controllers_share_one_family_with_a_series_each()
    {
        _ = new ControllerMetrics(_registry, "a", 1);
        _ = new ControllerMetrics(_registry, "b", 1);

        var lines = (await _registry.ExportAsync(Token)).Split('\n');

        Assert.Single(lines, l => l == "# TYPE controller_runtime_active_workers gauge");
        Assert.Contains("controller_runtime_active_workers{controller=\"a\"} 0", lines);
        Assert.Contains("controller_runtime_active_workers{controller=\"b\"} 0", lines);
    }

    [Fact]
    public async Task Process_metrics_are_refreshed_on_every_collection_and_counters_never_go_down()
    {
        _ = new ProcessMetrics(_registry);

        var first = await _registry.ExportAsync(Token);
        _ = new byte[1024 * 1024];
        var second = await _registry.ExportAsync(Token);

        Assert.True(Sample(first, "process_resident_memory_bytes") > 0, "the resident memory is measured");
        Assert.True(Sample(second, "dotnet_gc_allocated_bytes_total") >= Sample(first, "dotnet_gc_allocated_bytes_total") + (1024 * 1024));
        Assert.True(Sample(second, "process_cpu_seconds_total") >= Sample(first, "process_cpu_seconds_total"));
        Assert.Contains("dotnet_gc_collections_total{generation=\"0\"}", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_families_the_components_create_are_exported()
    {
        _registry.Factory.CreateGauge("only_one", "The one family.").Set(1);

        var families = (await _registry.ExportAsync(Token)).Split('\n').Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal)).ToList();

        Assert.Equal(["# TYPE only_one gauge"], families);
    }

    [Fact]
    public void Creating_an_existing_metric_returns_it_and_one_of_another_type_throws()
    {
        var counter = _registry.Factory.CreateCounter("x_total", "X.", ["a"]);

        Assert.Same(counter, _registry.Factory.CreateCounter("x_total", "X.", ["a"]));
        Assert.ThrowsAny<InvalidOperationException>(() => _registry.Factory.CreateGauge("x_total", "X."));
    }

    [Fact]
    public async Task Label_values_are_escaped()
    {
        _registry.Factory.CreateCounter("escaped_total", "Escaping.", ["path"]).WithLabels("a\"b\\c\nd").Inc();

        Assert.Contains("escaped_total{path=\"a\\\"b\\\\c\\nd\"} 1\n", await _registry.ExportAsync(Token), StringComparison.Ordinal);
    }

    private static double Sample(string exposition, string name) =>
        double.Parse(
            exposition.Split('\n').Single(line => line.StartsWith(name + " ", StringComparison.Ordinal))[(name.Length + 1)..],
            System.Globalization.CultureInfo.InvariantCulture);
}
