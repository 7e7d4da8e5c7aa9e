using KongIdentityOperator.Konnect.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace KongIdentityOperator.Konnect.Tests.RateLimiting;

public sealed class TokenBucketTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_burst_goes_through_then_requests_are_spaced_at_the_rate()
    {
        var bucket = new TokenBucket(_time, limitPerMinute: 60, burst: 3);

        var waits = Enumerable.Range(0, 6).Select(_ => bucket.Reserve()).ToList();

        Assert.Equal([0, 0, 0, 1, 2, 3], waits.Select(w => w.TotalSeconds));
    }

    [Fact]
    public void Idle_time_refills_the_burst_but_no_more()
    {
        var bucket = new TokenBucket(_time, limitPerMinute: 60, burst: 3);
        for (var i = 0; i < 3; i++)
        {
            bucket.Reserve();
        }

        _time.Advance(TimeSpan.FromMinutes(5));
        var waits = Enumerable.Range(0, 4).Select(_ => bucket.Reserve().TotalSeconds).ToList();

        Assert.Equal([0, 0, 0, 1], waits);
    }

    [Fact]
    public void Remaining_zero_pauses_until_the_reset()
    {
        var bucket = new TokenBucket(_time, limitPerMinute: 3000, burst: 10);

        bucket.Observe(new RateLimitHeaders(3000, Remaining: 0, Reset: TimeSpan.FromSeconds(48)), TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(48), bucket.Reserve());
    }

    [Fact]
    public void Remaining_zero_without_reset_pauses_for_the_default()
    {
        var bucket = new TokenBucket(_time, limitPerMinute: 3000, burst: 10);

        bucket.Observe(new RateLimitHeaders(null, Remaining: 0, Reset: null), TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(2), bucket.Reserve());
    }

    [Fact]
    public void The_server_limit_replaces_the_configured_one()
    {
        var bucket = new TokenBucket(_time, limitPerMinute: 3000, burst: 1);

        bucket.Observe(new RateLimitHeaders(LimitPerMinute: 30, Remaining: 29, Reset: null), TimeSpan.FromSeconds(1));
        bucket.Reserve();

        Assert.Equal(TimeSpan.FromSeconds(2), bucket.Reserve());
        Assert.Equal(30, bucket.Snapshot(new KonnectRateLimitKey("u", "h")).LimitPerMinute);
    }

    [Fact]
    public void The_burst_never_exceeds_the_per_minute_limit()
    {
        var bucket = new TokenBucket(_time, limitPerMinute: 3000, burst: 10);
        bucket.Observe(new RateLimitHeaders(LimitPerMinute: 2, Remaining: 2, Reset: null), TimeSpan.FromSeconds(1));

        var waits = Enumerable.Range(0, 3).Select(_ => bucket.Reserve().TotalSeconds).ToList();

        Assert.Equal([0, 0, 30], waits);
    }

    [Fact]
    public void A_429_pauses_and_is_counted()
    {
        var bucket = new TokenBucket(_time, limitPerMinute: 3000, burst: 10);

        bucket.OnRateLimited(TimeSpan.FromSeconds(7));
        var wait = bucket.Reserve();

        var counters = bucket.Snapshot(new KonnectRateLimitKey("u", "h"));
        Assert.Equal(TimeSpan.FromSeconds(7), wait);
        Assert.Equal((1L, 1L, TimeSpan.FromSeconds(7)), (counters.Calls, counters.RateLimited, counters.TimeWaiting));
    }

    [Fact]
    public void Requests_in_flight_count_against_the_servers_remaining_budget()
    {
        var bucket = new TokenBucket(_time, limitPerMinute: 3000, burst: 10);
        bucket.Observe(new RateLimitHeaders(3000, Remaining: 2, Reset: TimeSpan.FromSeconds(5)), TimeSpan.FromSeconds(1));

        var waits = Enumerable.Range(0, 3).Select(_ => bucket.Reserve()).ToList();

        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromSeconds(5)], waits);
    }

    [Fact]
    public void An_answer_frees_no_budget_but_the_server_count_decides()
    {
        var bucket = new TokenBucket(_time, limitPerMinute: 3000, burst: 10);
        bucket.Observe(new RateLimitHeaders(3000, Remaining: 1, Reset: TimeSpan.FromSeconds(5)), TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, bucket.Reserve());

        // The request was answered and the server counted it: nothing remains in this window.
        bucket.Observe(new RateLimitHeaders(3000, Remaining: 1, Reset: TimeSpan.FromSeconds(5)), TimeSpan.FromSeconds(1));
        bucket.Release();
        Assert.Equal(TimeSpan.Zero, bucket.Reserve());
        bucket.Release();
        bucket.Observe(new RateLimitHeaders(3000, Remaining: 0, Reset: TimeSpan.FromSeconds(4)), TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(4), bucket.Reserve());
    }

    [Fact]
    public void The_smallest_reset_estimate_of_a_window_wins_and_a_later_window_restores_the_budget()
    {
        var bucket = new TokenBucket(_time, limitPerMinute: 3000, burst: 10);
        bucket.Observe(new RateLimitHeaders(3000, Remaining: 5, Reset: TimeSpan.FromSeconds(3)), TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromMilliseconds(600));

        // Same window (ends 2.4 s from now at the latest), fewer left: now exhausted by what is in flight.
        bucket.Observe(new RateLimitHeaders(3000, Remaining: 1, Reset: TimeSpan.FromSeconds(3)), TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, bucket.Reserve());
        Assert.Equal(TimeSpan.FromMilliseconds(2400), bucket.Reserve());

        _time.Advance(TimeSpan.FromSeconds(3));
        bucket.Release();
        bucket.Release();
        bucket.Observe(new RateLimitHeaders(3000, Remaining: 2999, Reset: TimeSpan.FromSeconds(60)), TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.Zero, bucket.Reserve());
    }
}
