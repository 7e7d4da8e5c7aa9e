using k8s.Models;
using KongIdentityOperator.Runtime.Builder;
using KongIdentityOperator.Runtime.Events;
using KongIdentityOperator.Runtime.Tests.Client;
using KongIdentityOperator.Runtime.Tests.TestEntities;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KongIdentityOperator.Runtime.Tests.Events;

public sealed class EventRecorderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_burst_of_distinct_events_keeps_the_aggregation_memory_bounded()
    {
        var client = new CountingEventClient();
        var recorder = new EventRecorder(client, new OperatorSettings(), new FakeTimeProvider(), NullLogger<EventRecorder>.Instance);

        // All within the aggregation window: only the least recently observed series are let go.
        for (var i = 0; i < EventRecorder.MaxTrackedSeries * 2; i++)
        {
            await recorder.PublishAsync(Widget.Create("default", $"w{i}"), "Created", $"Created widget {i}.", cancellationToken: Token);
            Assert.True(recorder.TrackedSeries <= EventRecorder.MaxTrackedSeries, $"{recorder.TrackedSeries} series tracked after {i + 1} events");
        }

        Assert.Equal(EventRecorder.MaxTrackedSeries * 2, client.Created);
    }

    private sealed class CountingEventClient : UnsupportedKubernetesClient
    {
        public int Created { get; private set; }

        public override Task<T> CreateAsync<T>(T entity, CancellationToken cancellationToken = default)
        {
            Created++;
            entity.Metadata.Name ??= $"event-{Created}";
            return Task.FromResult(entity);
        }
    }
}
