using KongIdentityOperator.Runtime.Metrics;
using KongIdentityOperator.Runtime.Queue;
using Microsoft.Extensions.Time.Testing;

namespace KongIdentityOperator.Runtime.Tests.Queue;

public sealed class WorkQueueTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly MetricsRegistry _metrics = new();
    private readonly WorkQueue<string> _queue;

    public WorkQueueTests()
    {
        _queue = new WorkQueue<string>(
            _time,
            new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5)),
            new WorkQueueMetrics(_metrics, "test"));
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _queue.Dispose();

    [Fact]
    public async Task Adding_a_key_twice_queues_it_once()
    {
        _queue.Add("ns/a");
        _queue.Add("ns/a");
        _queue.Add("ns/b");

        Assert.Equal(2, _queue.Count);
        Assert.Equal("ns/a", await _queue.GetAsync(Token));
        Assert.Equal("ns/b", await _queue.GetAsync(Token));
        Assert.Equal(0, _queue.Count);
    }

    [Fact]
    public async Task A_key_being_processed_is_not_handed_out_again_until_done()
    {
        _queue.Add("ns/a");
        var first = await _queue.GetAsync(Token);

        _queue.Add("ns/a");
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var second = _queue.GetAsync(cts.Token);

        Assert.False(second.IsCompleted);
        Assert.Equal(0, _queue.Count);

        _queue.Done(first);

        Assert.Equal("ns/a", await second.WaitAsync(TimeSpan.FromSeconds(30), Token));
    }

    [Fact]
    public async Task A_key_added_several_times_while_processing_runs_once_more()
    {
        _queue.Add("ns/a");
        var key = await _queue.GetAsync(Token);
        _queue.Add("ns/a");
        _queue.Add("ns/a");
        _queue.Done(key);

        Assert.Equal(1, _queue.Count);
        _queue.Done(await _queue.GetAsync(Token));
        Assert.Equal(0, _queue.Count);
    }

    [Fact]
    public void A_delayed_key_becomes_ready_when_its_time_comes()
    {
        _queue.AddAfter("ns/a", TimeSpan.FromSeconds(10));

        Assert.Equal(0, _queue.Count);
        Assert.Equal(1, _queue.WaitingCount);

        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, _queue.Count);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, _queue.Count);
        Assert.Equal(0, _queue.WaitingCount);
    }

    [Fact]
    public void Delayed_adds_keep_the_earliest_due_time()
    {
        _queue.AddAfter("ns/a", TimeSpan.FromSeconds(30));
        _queue.AddAfter("ns/a", TimeSpan.FromSeconds(5));
        _queue.AddAfter("ns/a", TimeSpan.FromSeconds(60));

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, _queue.Count);
        Assert.Equal(0, _queue.WaitingCount);
    }

    [Fact]
    public void A_zero_delay_adds_at_once()
    {
        _queue.AddAfter("ns/a", TimeSpan.Zero);

        Assert.Equal(1, _queue.Count);
    }

    [Fact]
    public void Failures_back_off_exponentially_up_to_the_cap_and_reset_on_forget()
    {
        var delays = Enumerable.Range(0, 12).Select(_ => _queue.AddRateLimited("ns/a")).ToList();

        Assert.Equal(TimeSpan.FromSeconds(1), delays[0]);
        Assert.Equal(TimeSpan.FromSeconds(2), delays[1]);
        Assert.Equal(TimeSpan.FromSeconds(4), delays[2]);
        Assert.Equal(TimeSpan.FromSeconds(256), delays[8]);
        Assert.Equal(TimeSpan.FromMinutes(5), delays[9]);
        Assert.Equal(TimeSpan.FromMinutes(5), delays[11]);
        Assert.Equal(12, _queue.NumRequeues("ns/a"));

        _queue.Forget("ns/a");

        Assert.Equal(0, _queue.NumRequeues("ns/a"));
        Assert.Equal(TimeSpan.FromSeconds(1), _queue.AddRateLimited("ns/a"));
    }

    [Fact]
    public void Backoff_is_per_key()
    {
        _queue.AddRateLimited("ns/a");
        _queue.AddRateLimited("ns/a");

        Assert.Equal(TimeSpan.FromSeconds(1), _queue.AddRateLimited("ns/b"));
    }

    [Fact]
    public void A_rate_limited_key_is_ready_after_its_backoff()
    {
        _queue.AddRateLimited("ns/a");
        _queue.AddRateLimited("ns/a");

        // The second failure scheduled it 2 s out, but the first (1 s) is earlier and wins.
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, _queue.Count);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _queue.Count);
    }

    [Fact]
    public async Task Clear_drops_ready_and_scheduled_keys()
    {
        _queue.Add("ns/a");
        _queue.AddAfter("ns/b", TimeSpan.FromSeconds(1));
        _queue.AddRateLimited("ns/c");

        _queue.Clear();
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, _queue.Count);
        Assert.Equal(0, _queue.WaitingCount);
        Assert.Equal(0, _queue.NumRequeues("ns/c"));

        // A stale wake-up from the cleared key must not hand out anything.
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var next = _queue.GetAsync(cts.Token);
        await Task.Yield();
        Assert.False(next.IsCompleted);
        _queue.Add("ns/d");
        Assert.Equal("ns/d", await next.WaitAsync(TimeSpan.FromSeconds(30), Token));
    }

    [Fact]
    public async Task Metrics_count_adds_retries_depth_and_durations()
    {
        _queue.Add("ns/a");
        _queue.Add("ns/a");
        _queue.Add("ns/b");
        _time.Advance(TimeSpan.FromSeconds(2));
        var key = await _queue.GetAsync(Token);
        _time.Advance(TimeSpan.FromSeconds(3));
        _queue.Done(key);
        _queue.AddRateLimited("ns/a");

        var text = await _metrics.ExportAsync(Token);

        Assert.Contains("workqueue_adds_total{controller=\"test\",name=\"test\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("workqueue_retries_total{controller=\"test\",name=\"test\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("workqueue_depth{controller=\"test\",name=\"test\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("workqueue_queue_duration_seconds_sum{controller=\"test\",name=\"test\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("workqueue_work_duration_seconds_sum{controller=\"test\",name=\"test\"} 3", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pending_counts_queued_and_processing_keys_but_not_scheduled_ones()
    {
        _queue.Add("ns/a");
        _queue.Add("ns/b");
        _queue.AddAfter("ns/c", TimeSpan.FromMinutes(1));

        Assert.Equal(2, _queue.CountPending(["ns/a", "ns/b", "ns/c", "ns/d"]));

        var key = await _queue.GetAsync(Token);
        Assert.Equal(2, _queue.CountPending(["ns/a", "ns/b", "ns/c"]));
        Assert.Equal(1, _queue.CountPending([key]));

        _queue.Done(key);
        Assert.Equal(1, _queue.CountPending(["ns/a", "ns/b", "ns/c"]));
    }
}
