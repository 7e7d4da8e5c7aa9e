using System.Net;
using KongIdentityOperator.Konnect.RateLimiting;
using KongIdentityOperator.Konnect.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KongIdentityOperator.Konnect.Tests.RateLimiting;

public sealed class KonnectRateLimiterTests
{
    private static readonly KonnectRateLimitKey KeyA = KonnectRateLimitKey.For(KonnectConnection.ForRegion("us", "kpat_token_a_000"));
    private static readonly KonnectRateLimitKey KeyB = KonnectRateLimitKey.For(KonnectConnection.ForRegion("us", "kpat_token_b_111"));

    private readonly FakeTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private KonnectRateLimiter Limiter(int perMinute, int burst) =>
        new(_time, Options.Create(new KonnectClientOptions { RateLimitPerMinute = perMinute, RateLimitBurst = burst }));

    [Fact]
    public async Task Concurrent_callers_never_exceed_the_rate_and_all_get_through()
    {
        const int callers = 40;
        var limiter = Limiter(perMinute: 60, burst: 5);
        var done = 0;
        var tasks = Enumerable.Range(0, callers).Select(async _ =>
        {
            await limiter.AcquireAsync(KeyA, Ct);
            Interlocked.Increment(ref done);
        }).ToList();

        await KonnectTestHost.WaitUntilAsync(() => Volatile.Read(ref done) == 5);
        for (var second = 1; Volatile.Read(ref done) < callers; second++)
        {
            Assert.True(second < 100, "callers were starved");
            _time.Advance(TimeSpan.FromSeconds(1));

            // Exactly one slot per second after the burst: wait for it, then make sure no second one slipped through.
            await KonnectTestHost.WaitUntilAsync(() => Volatile.Read(ref done) >= Math.Min(callers, 5 + second));
            await Task.Delay(10, Ct);
            Assert.Equal(Math.Min(callers, 5 + second), Volatile.Read(ref done));
        }

        await Task.WhenAll(tasks);
        var counters = Assert.Single(limiter.Snapshot());
        Assert.Equal(callers, counters.Calls);
        Assert.Equal(60, counters.LimitPerMinute);
    }

    [Fact]
    public async Task Separate_keys_are_independent()
    {
        var limiter = Limiter(perMinute: 60, burst: 1);
        using var throttled = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { { "Retry-After", "30" } } };
        limiter.Observe(KeyA, throttled);

        var pausedA = limiter.AcquireAsync(KeyA, Ct).AsTask();
        var freeB = limiter.AcquireAsync(KeyB, Ct).AsTask();

        await freeB;
        Assert.False(pausedA.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(30));
        await pausedA;
        var byKey = limiter.Snapshot().ToDictionary(c => c.Key);
        Assert.Equal(1, byKey[KeyA].RateLimited);
        Assert.Equal(0, byKey[KeyB].RateLimited);
        Assert.Equal(TimeSpan.FromSeconds(30), byKey[KeyA].TimeWaiting);
        Assert.Equal(TimeSpan.Zero, byKey[KeyB].TimeWaiting);
    }

    [Fact]
    public async Task Remaining_zero_headers_pause_the_key_until_reset()
    {
        var limiter = Limiter(perMinute: 3000, burst: 10);
        using var last = new HttpResponseMessage(HttpStatusCode.OK);
        last.Headers.Add("RateLimit-Limit", "3000");
        last.Headers.Add("RateLimit-Remaining", "0");
        last.Headers.Add("RateLimit-Reset", "20");
        limiter.Observe(KeyA, last);

        var next = limiter.AcquireAsync(KeyA, Ct).AsTask();
        _time.Advance(TimeSpan.FromSeconds(19));
        await Task.Delay(10, Ct);
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await next;
    }

    [Fact]
    public async Task Kong_per_minute_headers_are_read_too()
    {
        var limiter = Limiter(perMinute: 3000, burst: 1);
        using var answer = new HttpResponseMessage(HttpStatusCode.OK);
        answer.Headers.Add("X-RateLimit-Limit-Minute", "120");
        answer.Headers.Add("X-RateLimit-Remaining-Minute", "0");
        answer.Headers.Add("RateLimit-Reset", "5");
        limiter.Observe(KeyA, answer);

        var next = limiter.AcquireAsync(KeyA, Ct).AsTask();
        _time.Advance(TimeSpan.FromSeconds(5));
        await next;

        Assert.Equal(120, Assert.Single(limiter.Snapshot()).LimitPerMinute);
    }

    [Fact]
    public async Task A_waiting_caller_can_cancel()
    {
        var limiter = Limiter(perMinute: 60, burst: 1);
        await limiter.AcquireAsync(KeyA, Ct);
        using var cancellation = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync(KeyA, cancellation.Token).AsTask();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task An_already_cancelled_caller_takes_no_slot()
    {
        var limiter = Limiter(perMinute: 60, burst: 1);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => limiter.AcquireAsync(KeyA, new CancellationToken(canceled: true)).AsTask());

        await limiter.AcquireAsync(KeyA, Ct);
        Assert.Equal(1, Assert.Single(limiter.Snapshot()).Calls);
    }

    [Fact]
    public async Task Through_the_client_a_call_after_remaining_zero_waits_for_the_reset()
    {
        using var host = new KonnectTestHost();
        host.Handler.RespondInOrder(
            () =>
            {
                var answer = StubHttpHandler.Json(HttpStatusCode.OK, Bodies.AuthServer());
                answer.Headers.Add("RateLimit-Remaining", "0");
                answer.Headers.Add("RateLimit-Reset", "5");
                return answer;
            },
            () => StubHttpHandler.Json(HttpStatusCode.OK, Bodies.AuthServer()));
        var client = host.Client();

        await client.AuthServers.GetAsync(Bodies.AuthServerId, Ct);
        var second = client.AuthServers.GetAsync(Bodies.AuthServerId, Ct);
        await host.AdvanceUntilAsync(() => second.IsCompleted, TimeSpan.FromMilliseconds(100));

        Assert.InRange(host.Handler.Requests[1].At - host.Handler.Requests[0].At, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(6));
        var counters = Assert.Single(host.Services.GetRequiredService<IKonnectRateLimitMetrics>().Snapshot());
        Assert.Equal(2, counters.Calls);
        Assert.DoesNotContain(KonnectTestHost.Token, counters.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_wait_is_no_longer_in_flight()
    {
        var limiter = Limiter(perMinute: 60, burst: 1);
        using var first = new HttpResponseMessage(HttpStatusCode.OK) { Headers = { { "RateLimit-Remaining", "2" }, { "RateLimit-Reset", "30" } } };
        await limiter.AcquireAsync(KeyA, Ct);
        limiter.Observe(KeyA, first);
        limiter.Release(KeyA);

        // Budget 2: one waits for its paced slot and is cancelled, so two more callers still get through and only a
        // third waits for the window's end.
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var cancelled = limiter.AcquireAsync(KeyA, cancellation.Token).AsTask();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        var second = limiter.AcquireAsync(KeyA, Ct).AsTask();
        var third = limiter.AcquireAsync(KeyA, Ct).AsTask();
        var fourth = limiter.AcquireAsync(KeyA, Ct).AsTask();

        _time.Advance(TimeSpan.FromSeconds(3));
        await Task.WhenAll(second, third);
        _time.Advance(TimeSpan.FromSeconds(26));
        await Task.Delay(20, Ct);
        Assert.False(fourth.IsCompleted, "a request past the window's remaining budget must wait for the window's end");
        _time.Advance(TimeSpan.FromSeconds(1));
        await fourth;
    }
}
