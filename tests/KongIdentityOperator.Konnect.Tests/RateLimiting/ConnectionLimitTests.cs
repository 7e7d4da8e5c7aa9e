using System.Net;
using KongIdentityOperator.Konnect.Errors;
using KongIdentityOperator.Konnect.Tests.Support;

namespace KongIdentityOperator.Konnect.Tests.RateLimiting;

/// <summary>
/// What one connection (server and token) may cost its callers: a bounded number of calls in flight, no in-process
/// wait longer than <see cref="KonnectClientOptions.MaxRetryAfter"/>, and a capped Retry-After. On fake time.
/// </summary>
public sealed class ConnectionLimitTests
{
    private const string OtherToken = "kpat_unit_test_other_token_98765";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpResponseMessage Throttled(string retryAfter)
    {
        var response = StubHttpHandler.Json(HttpStatusCode.TooManyRequests, """{"message":"API rate limit exceeded"}""");
        response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        return response;
    }

    [Fact]
    public async Task A_connection_at_its_limit_refuses_the_next_call_unsent_while_another_connection_goes_through()
    {
        using var host = new KonnectTestHost(options =>
        {
            options.MaxInFlightPerConnection = 2;
            options.MaxInFlightWait = TimeSpan.Zero;
        });
        host.Handler.Respond(async (request, cancellationToken) =>
        {
            if (request.Authorization?.Parameter == KonnectTestHost.Token)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return StubHttpHandler.Json(HttpStatusCode.OK, Bodies.AuthServer());
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var hanging = new[] { host.Client().AuthServers.GetAsync(Bodies.AuthServerId, stop.Token), host.Client().AuthServers.GetAsync(Bodies.AuthServerId, stop.Token) };
        await KonnectTestHost.WaitUntilAsync(() => host.Handler.Count == 2);

        var busy = await Assert.ThrowsAsync<KonnectConnectionBusyException>(() => host.Client().AuthServers.GetAsync(Bodies.AuthServerId, Ct));
        var other = await host.Client(OtherToken).AuthServers.GetAsync(Bodies.AuthServerId, Ct);

        Assert.Equal(Bodies.AuthServerId, other?.Id);
        Assert.Equal(3, host.Handler.Count);
        Assert.Contains("2 calls", busy.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(KonnectTestHost.Token, busy.Message, StringComparison.Ordinal);
        await stop.CancelAsync();
        await Task.WhenAll(hanging.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
    }

    [Fact]
    public async Task A_connection_that_never_finished_a_call_is_not_waited_for_soon_retried_then_left_to_backoff()
    {
        // Default wait (250 ms): only a connection seen finishing calls is worth holding a worker for.
        using var host = new KonnectTestHost(options => options.MaxInFlightPerConnection = 2);
        host.Handler.Respond(async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return StubHttpHandler.Json(HttpStatusCode.OK, Bodies.AuthServer());
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var hanging = new[] { host.Client().AuthServers.GetAsync(Bodies.AuthServerId, stop.Token), host.Client().AuthServers.GetAsync(Bodies.AuthServerId, stop.Token) };
        await KonnectTestHost.WaitUntilAsync(() => host.Handler.Count == 2);

        // Refused without waiting (fake time never moves here, so a wait would never end), with a short retry.
        var fresh = await Assert.ThrowsAsync<KonnectConnectionBusyException>(() => host.Client().AuthServers.GetAsync(Bodies.AuthServerId, Ct));
        Assert.Equal(TimeSpan.FromMilliseconds(250), fresh.RetryAfter);

        // A second on, still nothing finished: stuck, so no hint, and the caller's backoff takes over.
        host.Time.Advance(TimeSpan.FromSeconds(2));
        var stuck = await Assert.ThrowsAsync<KonnectConnectionBusyException>(() => host.Client().AuthServers.GetAsync(Bodies.AuthServerId, Ct));
        Assert.Null(stuck.RetryAfter);
        Assert.Equal(2, host.Handler.Count);

        await stop.CancelAsync();
        await Task.WhenAll(hanging.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
    }

    [Fact]
    public async Task A_long_retry_after_fails_at_once_and_later_calls_are_deferred_without_a_request()
    {
        using var host = new KonnectTestHost();
        host.Handler.RespondInOrder(() => Throttled("120"));

        var first = await Assert.ThrowsAsync<KonnectApiException>(() => host.Client().AuthServers.GetAsync(Bodies.AuthServerId, Ct));
        var deferred = await Assert.ThrowsAsync<KonnectApiException>(() => host.Client().AuthServers.GetAsync(Bodies.AuthServerId, Ct));

        Assert.Equal(1, host.Handler.Count);
        Assert.Equal(TimeSpan.FromSeconds(120), first.RetryAfter);
        Assert.Equal(host.Time.GetUtcNow() + TimeSpan.FromSeconds(120), first.RetryAt);
        Assert.True(deferred is { IsRateLimited: true, IsLocal: true }, deferred.Message);
        Assert.InRange(deferred.RetryAfter!.Value, TimeSpan.FromSeconds(119), TimeSpan.FromSeconds(120));
        Assert.Contains("2025-06-01T12:02:00Z", deferred.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(KonnectTestHost.Token, deferred.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_after_beyond_the_cap_is_honoured_only_up_to_the_cap()
    {
        using var host = new KonnectTestHost();
        host.Handler.RespondInOrder(() => Throttled("86400"));

        var error = await Assert.ThrowsAsync<KonnectApiException>(() => host.Client().AuthServers.GetAsync(Bodies.AuthServerId, Ct));
        var deferred = await Assert.ThrowsAsync<KonnectApiException>(() => host.Client().AuthServers.GetAsync(Bodies.AuthServerId, Ct));

        Assert.Equal(TimeSpan.FromMinutes(5), error.RetryAfter);
        Assert.InRange(deferred.RetryAfter!.Value, TimeSpan.FromMinutes(4.9), TimeSpan.FromMinutes(5));
    }
}
