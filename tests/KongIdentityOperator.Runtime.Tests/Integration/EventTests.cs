using System.Text;
using k8s.Models;
using KongIdentityOperator.Runtime.Builder;
using KongIdentityOperator.Runtime.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KongIdentityOperator.Runtime.Tests.Integration;

public sealed class EventTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Repeated_events_are_aggregated_into_a_series()
    {
        await using var cluster = await TestCluster.StartAsync();
        var host = await cluster.StartOperatorAsync();
        var publish = host.Services.GetRequiredService<EventPublisher>();
        var widget = await cluster.CreateWidgetAsync("a");

        await publish(widget, "Synced", "synced with the remote", cancellationToken: Token);
        await publish(widget, "Synced", "synced with the remote", cancellationToken: Token);
        await publish(widget, "Synced", "synced with the remote", cancellationToken: Token);
        await publish(widget, "RemoteError", "the remote refused", EventType.Warning, Token);

        var events = await cluster.Client.ListAsync<Eventsv1Event>("default", cancellationToken: Token);
        Assert.Equal(2, events.Count);
        var synced = Assert.Single(events, e => e.Reason == "Synced");
        Assert.Equal(3, synced.Series?.Count);
        Assert.Equal(("Normal", "synced with the remote", "runtime-tests"), (synced.Type, synced.Note, synced.ReportingController));
        Assert.Equal(("Widget", "a", widget.Metadata.Uid), (synced.Regarding.Kind, synced.Regarding.Name, synced.Regarding.Uid));
        Assert.False(string.IsNullOrEmpty(synced.ReportingInstance));
        var warning = Assert.Single(events, e => e.Reason == "RemoteError");
        Assert.Equal("Warning", warning.Type);
        Assert.Null(warning.Series);
    }

    [Fact]
    public async Task A_repeat_after_the_aggregation_window_starts_a_new_event()
    {
        await using var cluster = await TestCluster.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var settings = new OperatorSettings { Name = "events-test", EventAggregationWindow = TimeSpan.FromMinutes(10) };
        var recorder = new EventRecorder(cluster.Client, settings, time, NullLogger<EventRecorder>.Instance);
        var widget = await cluster.CreateWidgetAsync("a");

        await recorder.PublishAsync(widget, "Synced", "same", cancellationToken: Token);
        time.Advance(TimeSpan.FromMinutes(9));
        await recorder.PublishAsync(widget, "Synced", "same", cancellationToken: Token);
        time.Advance(TimeSpan.FromMinutes(11));
        await recorder.PublishAsync(widget, "Synced", "same", cancellationToken: Token);

        var events = await cluster.Client.ListAsync<Eventsv1Event>("default", cancellationToken: Token);
        Assert.Equal(2, events.Count);
        Assert.Single(events, e => e.Series?.Count == 2);
        Assert.Single(events, e => e.Series is null);
        Assert.All(events, e => Assert.Equal("events-test", e.ReportingController));
    }

    [Fact]
    public async Task Long_notes_are_truncated_and_failures_are_swallowed()
    {
        await using var cluster = await TestCluster.StartAsync();
        var host = await cluster.StartOperatorAsync();
        var publish = host.Services.GetRequiredService<EventPublisher>();
        var widget = await cluster.CreateWidgetAsync("a");

        cluster.Api.Hooks.FailNextWrites(1, 500);
        await publish(widget, "Lost", "this write fails", cancellationToken: Token);
        await publish(widget, "Long", new string('x', 5000), cancellationToken: Token);

        var events = await cluster.Client.ListAsync<Eventsv1Event>("default", cancellationToken: Token);
        var single = Assert.Single(events);
        Assert.Equal("Long", single.Reason);
        Assert.InRange(Encoding.UTF8.GetByteCount(single.Note), 1000, 1024);
    }
}
