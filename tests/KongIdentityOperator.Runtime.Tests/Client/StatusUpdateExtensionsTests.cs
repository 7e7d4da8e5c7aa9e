using k8s.Autorest;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Tests.TestEntities;

namespace KongIdentityOperator.Runtime.Tests.Client;

public sealed class StatusUpdateExtensionsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Widget Stored()
    {
        var widget = Widget.Create("ns", "a", "v");
        widget.Metadata.ResourceVersion = "10";
        widget.Metadata.Generation = 1;
        return widget;
    }

    [Fact]
    public async Task An_unchanged_status_makes_no_request()
    {
        var client = new FakeStatusClient<Widget>(Stored());
        var widget = Stored();
        widget.Status.Message = "same";
        client.ConcurrentWriter = null;

        var result = await client.UpdateStatusAsync(widget, w => w.Status.Message = "same", cancellationToken: Token);

        Assert.Same(widget, result);
        Assert.Equal(0, client.StatusWrites);
    }

    [Fact]
    public async Task A_changed_status_is_written_once()
    {
        var client = new FakeStatusClient<Widget>(Stored());

        var result = await client.UpdateStatusAsync(Stored(), w => w.Status.Message = "done", cancellationToken: Token);

        Assert.Equal("done", result.Status.Message);
        Assert.Equal("11", result.Metadata.ResourceVersion);
        Assert.Equal((1, 0), (client.StatusWrites, client.Gets));
    }

    [Fact]
    public async Task A_conflict_re_reads_and_re_applies_the_mutation()
    {
        var client = new FakeStatusClient<Widget>(Stored())
        {
            ConcurrentWriter = w => w.Status.ObservedGeneration = 7,
        };

        var result = await client.UpdateStatusAsync(Stored(), w => w.Status.Message = "done", cancellationToken: Token);

        // The other writer's field survives and ours is applied on top of the fresh read.
        Assert.Equal(("done", 7L), (result.Status.Message, result.Status.ObservedGeneration));
        Assert.Equal((2, 1), (client.StatusWrites, client.Gets));
    }

    [Fact]
    public async Task Persistent_conflicts_surface_after_the_attempt_limit()
    {
        var client = new FakeStatusClient<Widget>(Stored());
        var stale = Stored();
        stale.Metadata.ResourceVersion = "1";
        var attempts = 0;

        await Assert.ThrowsAsync<HttpOperationException>(() => client.UpdateStatusAsync(
            stale,
            w =>
            {
                attempts++;
                w.Status.Message = "m";
                w.Metadata.ResourceVersion = "1";
            },
            maxAttempts: 3,
            cancellationToken: Token));

        Assert.Equal(3, attempts);
        Assert.Equal(3, client.StatusWrites);
    }
}
