using System.Net;
using KongIdentityOperator.Konnect.Errors;
using KongIdentityOperator.Konnect.Identity;
using KongIdentityOperator.Konnect.Tests.Support;
using KongIdentityOperator.Sandbox.Konnect;
using Microsoft.Extensions.Time.Testing;

namespace KongIdentityOperator.Konnect.Tests.Emulator;

/// <summary>
/// Retries and rate limiting against the emulator's injected faults. Client and emulator share one fake clock, so
/// Retry-After waits and the emulator's rate-limit window pass without real waiting.
/// </summary>
public sealed class ResilienceEmulatorTests : IAsyncLifetime
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private EmulatorHost? _host;

    private EmulatorHost Host => _host!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // These tests follow the limiter's in-process waits through whole rate-limit windows (the defaults requeue waits
    // over 5 s and end a call after 60 s). The fake clock runs ahead while a real request is slow (a loaded machine),
    // so no timeout may fire on it: none of these tests is about timeouts.
    public async ValueTask InitializeAsync() => _host = await EmulatorHost.StartAsync(_time, options =>
    {
        options.MaxRetryAfter = TimeSpan.FromMinutes(2);
        options.AttemptTimeout = TimeSpan.FromHours(1);
        options.TotalTimeout = TimeSpan.FromHours(2);
    });

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private async Task<T> CompleteAsync<T>(Task<T> call)
    {
        await FakeTime.AdvanceUntilAsync(_time, () => call.IsCompleted, Step);
        return await call;
    }

    [Fact]
    public async Task A_throttled_get_is_retried_after_retry_after_until_it_passes()
    {
        Host.Emulator.SetFaults(EmulatorFaults.None with { ThrottleNext = 2 });

        var page = await CompleteAsync(Host.Client().AuthServers.ListAsync(null, Ct));

        Assert.NotNull(page);
        Assert.Equal([429, 429, 200], Host.Observer.Attempts.Select(a => a.StatusCode!.Value));
        Assert.Equal(2, Host.Emulator.Requests.CountStatus(429));
        var counters = Assert.Single(Host.RateLimits.Snapshot());
        Assert.Equal(2, counters.RateLimited);
    }

    [Fact]
    public async Task A_throttled_post_is_not_retried()
    {
        Host.Emulator.SetFaults(EmulatorFaults.None with { ThrottleNext = 1 });
        var name = EmulatorFixture.Unique("post");

        var error = await Assert.ThrowsAsync<KonnectApiException>(
            () => CompleteAsync(Host.Client().AuthServers.CreateAsync(new AuthServerCreate(name, "aud"), Ct)));

        Assert.True(error.IsRateLimited);
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        Assert.Equal("API rate limit exceeded", error.Detail);
        Assert.Equal(1, Host.Emulator.Requests.Count("POST", "/v1/auth-servers"));
        Assert.Null(Host.Emulator.Snapshot().FindAuthServer(name));
    }

    [Fact]
    public async Task Server_errors_are_retried_a_bounded_number_of_times()
    {
        Host.Emulator.SetFaults(EmulatorFaults.None with { ErrorRate = 1.0 });

        var error = await Assert.ThrowsAsync<KonnectApiException>(() => CompleteAsync(Host.Client().AuthServers.ListAsync(null, Ct)));

        Assert.True(error.IsServerError);
        Assert.Contains("Injected fault", error.Detail, StringComparison.Ordinal);
        Assert.Equal(4, Host.Emulator.Requests.Count("GET", "/v1/auth-servers"));
        Assert.Equal([1, 2, 3, 4], Host.Observer.Attempts.Select(a => a.Attempt));
    }

    [Fact]
    public async Task A_post_on_a_server_error_is_sent_once()
    {
        Host.Emulator.SetFaults(EmulatorFaults.None with { ErrorRate = 1.0 });
        var server = EmulatorFixture.Unique("once");

        var error = await Assert.ThrowsAsync<KonnectApiException>(
            () => CompleteAsync(Host.Client().AuthServers.CreateAsync(new AuthServerCreate(server, "aud"), Ct)));

        Assert.True(error.IsServerError);
        Assert.Equal(1, Host.Emulator.Requests.Count("POST", "/v1/auth-servers"));
    }

    [Fact]
    public async Task The_client_stays_under_the_server_rate_limit_instead_of_collecting_429s()
    {
        const int limit = 5;
        const int calls = 12;
        Host.Emulator.SetFaults(EmulatorFaults.None with { RateLimitPerMinute = limit });
        var client = Host.Client();

        var run = Task.Run(
            async () =>
            {
                for (var i = 0; i < calls; i++)
                {
                    await client.ControlPlanes.ListAsync(null, Ct);
                }

                return true;
            },
            Ct);
        Assert.True(await CompleteAsync(run));

        Assert.Equal(0, Host.Emulator.Requests.CountStatus(429));
        Assert.Equal(calls, Host.Emulator.Requests.CountStatus(200));
        var counters = Assert.Single(Host.RateLimits.Snapshot());
        Assert.Equal(limit, counters.LimitPerMinute);
        Assert.Equal(calls, counters.Calls);

        // Twelve calls at five a minute span two full windows of waiting.
        Assert.True(counters.TimeWaiting >= TimeSpan.FromSeconds(110), $"waited only {counters.TimeWaiting}");
        Assert.True(_time.GetUtcNow() - new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero) >= TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task Tokens_have_separate_budgets()
    {
        Host.Emulator.SetFaults(EmulatorFaults.None with { RateLimitPerMinute = 1 });
        var alice = Host.Client();
        var bob = Host.Client(EmulatorHost.SecondToken);
        var start = _time.GetUtcNow();

        await alice.ControlPlanes.ListAsync(null, Ct);
        await bob.ControlPlanes.ListAsync(null, Ct);
        var bobAtOnce = _time.GetUtcNow() - start;
        await CompleteAsync(alice.ControlPlanes.ListAsync(null, Ct));

        Assert.Equal(TimeSpan.Zero, bobAtOnce);
        Assert.True(_time.GetUtcNow() - start >= TimeSpan.FromSeconds(59));
        Assert.Equal(0, Host.Emulator.Requests.CountStatus(429));
        var byToken = Host.RateLimits.Snapshot().ToDictionary(c => c.Key.TokenHash, c => c.Calls);
        Assert.Equal([1L, 2L], byToken.Values.Order());
    }
}
