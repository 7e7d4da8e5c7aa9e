using System.Net;
using KongIdentityOperator.Konnect.Errors;
using KongIdentityOperator.Konnect.Identity;
using KongIdentityOperator.Konnect.Tests.Support;

namespace KongIdentityOperator.Konnect.Tests.Resilience;

/// <summary>Retries, backoff, Retry-After and timeouts, on fake time: no test waits for real seconds.</summary>
public sealed class RetryTests : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    private readonly KonnectTestHost _host = new(options =>
    {
        options.AttemptTimeout = TimeSpan.FromSeconds(5);
        options.TotalTimeout = TimeSpan.FromMinutes(2);

        // These tests follow in-process waits of up to a minute; the default of 5 s requeues anything longer.
        options.MaxRetryAfter = TimeSpan.FromSeconds(60);
    });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpResponseMessage Unavailable() =>
        StubHttpHandler.Problem(HttpStatusCode.ServiceUnavailable, """{"status":503,"title":"Service Unavailable","instance":"kong:trace:5","detail":"try later"}""");

    private static HttpResponseMessage Throttled(string? retryAfter)
    {
        var response = StubHttpHandler.Json(HttpStatusCode.TooManyRequests, """{"message":"API rate limit exceeded"}""");
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        return response;
    }

    private static HttpResponseMessage Ok() => StubHttpHandler.Json(HttpStatusCode.OK, Bodies.AuthServer());

    // Drives fake time while the call runs, so a wrongly scheduled retry shows up as extra requests, not as a hang.
    private async Task<T> CompleteAsync<T>(Task<T> call)
    {
        await _host.AdvanceUntilAsync(() => call.IsCompleted, Step);
        return await call;
    }

    [Fact]
    public async Task Get_is_retried_after_a_503_and_then_succeeds()
    {
        _host.Handler.RespondInOrder(Unavailable, Ok);

        var call = _host.Client().AuthServers.GetAsync(Bodies.AuthServerId, Ct);
        await _host.AdvanceUntilAsync(() => call.IsCompleted, Step);

        Assert.Equal("Appointments Dev", (await call)!.Name);
        Assert.Equal(2, _host.Handler.Count);
        Assert.Equal([(503, 1), (200, 2)], _host.Observer.Attempts.Select(a => (a.StatusCode!.Value, a.Attempt)));
        Assert.True(_host.Observer.Attempts[1].IsRetry);
    }

    [Fact]
    public async Task A_429_with_retry_after_seven_waits_seven_seconds_of_fake_time()
    {
        _host.Handler.RespondInOrder(() => Throttled("7"), Ok);

        var call = _host.Client().AuthServers.GetAsync(Bodies.AuthServerId, Ct);
        await KonnectTestHost.WaitUntilAsync(() => _host.Handler.Count == 1);
        var firstAt = _host.Time.GetUtcNow();

        // Just short of 7 s nothing may be re-sent.
        await _host.AdvanceUntilAsync(() => _host.Time.GetUtcNow() - firstAt >= TimeSpan.FromSeconds(6.9), Step);
        Assert.Equal(1, _host.Handler.Count);

        await _host.AdvanceUntilAsync(() => call.IsCompleted, Step);
        var waited = _host.Handler.Requests[1].At - _host.Handler.Requests[0].At;
        Assert.InRange(waited, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(8));
        Assert.NotNull(await call);
    }

    [Fact]
    public async Task A_429_with_an_http_date_waits_until_that_date()
    {
        var until = _host.Time.GetUtcNow().AddSeconds(12);
        _host.Handler.RespondInOrder(() => Throttled(until.ToString("R")), Ok);

        var call = _host.Client().AuthServers.GetAsync(Bodies.AuthServerId, Ct);
        await _host.AdvanceUntilAsync(() => call.IsCompleted, Step);

        Assert.InRange(_host.Handler.Requests[1].At - _host.Handler.Requests[0].At, TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(13));
    }

    [Fact]
    public async Task A_429_without_retry_after_waits_the_default_fifteen_seconds()
    {
        _host.Handler.RespondInOrder(() => Throttled(null), Ok);

        var call = _host.Client().AuthServers.GetAsync(Bodies.AuthServerId, Ct);
        await _host.AdvanceUntilAsync(() => call.IsCompleted, Step);

        Assert.InRange(_host.Handler.Requests[1].At - _host.Handler.Requests[0].At, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(16));
    }

    [Fact]
    public async Task Post_is_not_retried_on_503()
    {
        _host.Handler.RespondInOrder(Unavailable, Ok);

        var error = await Assert.ThrowsAsync<KonnectApiException>(
            () => CompleteAsync(_host.Client().AuthServers.CreateAsync(new AuthServerCreate("n", "a"), Ct)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.Equal(1, _host.Handler.Count);
    }

    [Fact]
    public async Task Post_is_not_retried_on_429_and_reports_retry_after()
    {
        _host.Handler.RespondInOrder(() => Throttled("7"), Ok);

        var error = await Assert.ThrowsAsync<KonnectApiException>(
            () => CompleteAsync(_host.Client().Scopes.CreateAsync(Bodies.AuthServerId, new ScopeCreate("my-scope"), Ct)));

        Assert.True(error.IsRateLimited);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Equal("API rate limit exceeded", error.Detail);
        Assert.Equal(1, _host.Handler.Count);
    }

    [Fact]
    public async Task Post_is_not_retried_on_timeout()
    {
        _host.Handler.Hang();

        var call = _host.Client().Clients.CreateAsync(Bodies.AuthServerId, new ClientCreate("n", ["client_credentials"], ["token"]), Ct);
        await _host.AdvanceUntilAsync(() => call.IsCompleted, Step);

        Assert.True((await Assert.ThrowsAsync<KonnectApiException>(() => call)).IsTimeout);
        Assert.Equal(1, _host.Handler.Count);
        Assert.Equal("timeout", Assert.Single(_host.Observer.Attempts).Failure);
    }

    [Fact]
    public async Task Get_is_retried_after_a_timeout()
    {
        var calls = 0;
        _host.Handler.Respond(async (_, cancellationToken) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return Ok();
        });

        var call = _host.Client().AuthServers.GetAsync(Bodies.AuthServerId, Ct);
        await _host.AdvanceUntilAsync(() => call.IsCompleted, Step);

        Assert.NotNull(await call);
        Assert.Equal(["timeout", null], _host.Observer.Attempts.Select(a => a.Failure));
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task Idempotent_writes_are_retried(string method)
    {
        _host.Handler.RespondInOrder(Unavailable, () => method == "DELETE" ? StubHttpHandler.Empty(HttpStatusCode.NoContent) : StubHttpHandler.Json(HttpStatusCode.OK, Bodies.Client("c1")));
        var clients = _host.Client().Clients;

        Task call = method switch
        {
            "PUT" => clients.UpsertAsync(Bodies.AuthServerId, "c1", new ClientUpsert("n", "secret-value", ["client_credentials"], ["token"]), Ct),
            "PATCH" => clients.PatchAsync(Bodies.AuthServerId, "c1", new ClientPatch { Name = "n" }, Ct),
            _ => clients.DeleteAsync(Bodies.AuthServerId, "c1", Ct),
        };
        await _host.AdvanceUntilAsync(() => call.IsCompleted, Step);

        await call;
        Assert.Equal(2, _host.Handler.Count);
        Assert.All(_host.Handler.Requests, r => Assert.Equal(method, r.Method.Method));
        Assert.Equal(_host.Handler.Requests[0].Body, _host.Handler.Requests[1].Body);
    }

    [Fact]
    public async Task Attempts_are_bounded()
    {
        _host.Handler.Respond(_ => Unavailable());

        var call = _host.Client().AuthServers.GetAsync(Bodies.AuthServerId, Ct);
        await _host.AdvanceUntilAsync(() => call.IsCompleted, Step);

        var error = await Assert.ThrowsAsync<KonnectApiException>(() => call);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal("try later", error.Detail);
        Assert.Equal(4, _host.Handler.Count);
        Assert.Equal([1, 2, 3, 4], _host.Observer.Attempts.Select(a => a.Attempt));
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_maximum_fails_fast_for_the_caller_to_requeue()
    {
        _host.Handler.RespondInOrder(() => Throttled("77"), Ok);

        var error = await Assert.ThrowsAsync<KonnectApiException>(() => CompleteAsync(_host.Client().AuthServers.GetAsync(Bodies.AuthServerId, Ct)));

        Assert.True(error.IsRateLimited);
        Assert.Equal(TimeSpan.FromSeconds(77), error.RetryAfter);
        Assert.Equal(1, _host.Handler.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.NotImplemented)]
    public async Task Permanent_errors_are_not_retried(HttpStatusCode status)
    {
        _host.Handler.Respond(_ => StubHttpHandler.Empty(status));

        var error = await Assert.ThrowsAsync<KonnectApiException>(
            () => CompleteAsync(_host.Client().Clients.PatchAsync(Bodies.AuthServerId, "c1", new ClientPatch { Name = "n" }, Ct)));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(1, _host.Handler.Count);
    }

    [Fact]
    public async Task Cancelling_during_a_backoff_stops_without_another_attempt()
    {
        _host.Handler.Respond(_ => Throttled("30"));
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var call = _host.Client().AuthServers.GetAsync(Bodies.AuthServerId, cancellation.Token);
        await KonnectTestHost.WaitUntilAsync(() => _host.Handler.Count == 1);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, _host.Handler.Count);
    }

    [Fact]
    public async Task The_total_timeout_bounds_a_call_with_retries()
    {
        using var host = new KonnectTestHost(options =>
        {
            options.AttemptTimeout = TimeSpan.FromSeconds(20);
            options.TotalTimeout = TimeSpan.FromSeconds(30);
        });
        host.Handler.Hang();

        var call = host.Client().AuthServers.GetAsync(Bodies.AuthServerId, Ct);
        await host.AdvanceUntilAsync(() => call.IsCompleted, Step, maxFakeTime: TimeSpan.FromSeconds(40));

        Assert.True((await Assert.ThrowsAsync<KonnectApiException>(() => call)).IsTimeout);
        Assert.Equal(2, host.Handler.Count);
    }

    public void Dispose() => _host.Dispose();
}
