using KongIdentityOperator.Runtime.Metrics;

namespace KongIdentityOperator.Runtime.Tests.Metrics;

public sealed class MetricsRegistryTests
{
    private readonly MetricsRegistry _registry = new();

    [Fact]
    public void Counters_and_gauges_are_written_in_the_text_format()
    {
        _registry.CreateCounter("requests_total", "Requests served.", "code", "method").WithLabels("200", "GET").Inc(3);
        _registry.CreateCounter("requests_total", "Requests served.", "code", "method").WithLabels("500", "GET").Inc();
        _registry.CreateGauge("in_flight", "Requests in flight.").Set(2.5);

        Assert.Equal(
            """
            # HELP in_flight Requests in flight.
            # TYPE in_flight gauge
            in_flight 2.5
            # HELP requests_total Requests served.
            # TYPE requests_total counter
            requests_total{code="200",method="GET"} 3
            requests_total{code="500",method="GET"} 1

            """.ReplaceLineEndings("\n"),
            _registry.Export());
    }

    [Fact]
    public void Histograms_write_cumulative_buckets_sum_and_count()
    {
        var histogram = _registry.CreateHistogram("latency_seconds", "Latency.", [0.1, 1], "route").WithLabels("/a");
        histogram.Observe(0.05);
        histogram.Observe(0.5);
        histogram.Observe(5);

        Assert.Equal(
            """
            # HELP latency_seconds Latency.
            # TYPE latency_seconds histogram
            latency_seconds_bucket{route="/a",le="0.1"} 1
            latency_seconds_bucket{route="/a",le="1"} 2
            latency_seconds_bucket{route="/a",le="+Inf"} 3
            latency_seconds_sum{route="/a"} 5.55
            latency_seconds_count{route="/a"} 3

            """.ReplaceLineEndings("\n"),
            _registry.Export());
    }

    [Fact]
    public void Label_values_and_help_are_escaped()
    {
        _registry.CreateCounter("escaped_total", "Line one\nback\\slash", "path").WithLabels("a\"b\\c\nd").Inc();

        var text = _registry.Export();

        Assert.Contains("# HELP escaped_total Line one\\nback\\\\slash\n", text, StringComparison.Ordinal);
        Assert.Contains("escaped_total{path=\"a\\\"b\\\\c\\nd\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Creating_an_existing_metric_returns_it_and_a_conflicting_one_throws()
    {
        var counter = _registry.CreateCounter("x_total", "X.", "a");

        Assert.Same(counter, _registry.CreateCounter("x_total", "X.", "a"));
        Assert.Throws<InvalidOperationException>(() => _registry.CreateGauge("x_total", "X."));
        Assert.Throws<InvalidOperationException>(() => _registry.CreateCounter("x_total", "X.", "b"));
    }

    [Theory]
    [InlineData("bad-name")]
    [InlineData("1leading_digit")]
    public void Invalid_metric_names_are_rejected(string name) =>
        Assert.Throws<ArgumentException>(() => _registry.CreateCounter(name, "bad"));

    [Fact]
    public void Reserved_or_invalid_label_names_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => _registry.CreateHistogram("h", "h", [1], "le"));
        Assert.Throws<ArgumentException>(() => _registry.CreateCounter("c_total", "c", "__reserved"));
    }

    [Fact]
    public void The_wrong_number_of_label_values_is_rejected() =>
        Assert.Throws<ArgumentException>(() => _registry.CreateCounter("y_total", "Y.", "a", "b").WithLabels("only-one"));

    [Fact]
    public void Counters_cannot_go_down() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _registry.CreateCounter("z_total", "Z.").Inc(-1));

    [Fact]
    public void Histogram_buckets_must_increase() =>
        Assert.Throws<ArgumentException>(() => _registry.CreateHistogram("b", "B.", [1, 1]));

    [Fact]
    public async Task Concurrent_increments_are_not_lost()
    {
        var counter = _registry.CreateCounter("concurrent_total", "C.");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                counter.Inc();
            }
        }, TestContext.Current.CancellationToken)));

        Assert.Equal(80_000, counter.WithLabels().Value);
    }
}
