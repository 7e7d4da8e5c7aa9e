using System.Net;
using System.Text;
using KongIdentityOperator.Sandbox.Konnect.Faults;
using KongIdentityOperator.Sandbox.Konnect.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KongIdentityOperator.Sandbox.Konnect.Tests;

/// <summary>Test hooks and injected faults: 5xx, throttling, rate limits with headers, latency, request counts, reset, state.</summary>
public sealed class FaultAndHookTests
{
    [Fact]
    public async Task Error_rate_one_fails_api_calls_in_their_own_shape_but_not_hooks_or_the_issuer()
    {
        await using var api = await EmulatorClient.StartAsync();
        var setup = await IdentitySetup.CreateAsync(api);
        var planeId = await api.CreateControlPlaneAsync();
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/_emulator/faults", """{"errorRate":1.0}""")).Status);

        var konnect = await api.GetAsync("/v1/auth-servers");
        var core = await api.GetAsync($"/v2/control-planes/{planeId}/core-entities/plugins");

        Assert.True((int)konnect.Status >= 500);
        Assert.Equal("application/problem+json", konnect.ContentType);
        Assert.True((int)core.Status >= 500);
        Assert.True(core.Body.TryGetProperty("code", out _));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/_emulator/requests")).Status);
        Assert.Equal(HttpStatusCode.OK, (await setup.TokenAsync()).Status);

        api.Emulator.SetFaults(new EmulatorFaults { ErrorRate = 1.0, ApplyToIssuer = true });
        var issuer = await setup.TokenAsync();
        Assert.True((int)issuer.Status >= 500);
        Assert.Equal("server_error", issuer.String("error"));
    }

    [Fact]
    public async Task Throttle_next_two_gives_two_429s_with_retry_after_then_success()
    {
        await using var api = await EmulatorClient.StartAsync();
        await api.PostAsync("/_emulator/faults", """{"throttleNext":2}""");

        var first = await api.GetAsync("/v1/auth-servers");
        var second = await api.GetAsync("/v2/control-planes");
        var third = await api.GetAsync("/v1/auth-servers");

        foreach (var throttled in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, throttled.Status);
            Assert.Equal("1", throttled.Header("Retry-After"));
            Assert.Equal("API rate limit exceeded", throttled.String("message"));
        }

        Assert.Equal(HttpStatusCode.OK, third.Status);
        Assert.Equal(0, api.Emulator.Faults.ThrottleNext);
        Assert.Equal(2, api.Emulator.Requests.CountStatus(429));
    }

    [Fact]
    public async Task Rate_limit_counts_down_per_token_and_reopens_when_the_window_ends()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var api = await EmulatorClient.StartAsync(o =>
        {
            o.TimeProvider = time;
            o.Faults = new EmulatorFaults { RateLimitPerMinute = 3 };
        });

        var remaining = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var ok = await api.GetAsync("/v1/auth-servers");
            Assert.Equal(HttpStatusCode.OK, ok.Status);
            Assert.Equal("3", ok.Header("RateLimit-Limit"));
            remaining.Add(ok.Header("RateLimit-Remaining"));
            time.Advance(TimeSpan.FromSeconds(10));
        }

        var limited = await api.GetAsync("/v1/auth-servers");
        var otherToken = await api.SendAsync(HttpMethod.Get, "/v1/auth-servers", null, r => r.Headers.Authorization = new("Bearer", "spat_second"));
        time.Advance(TimeSpan.FromSeconds(30));
        var reopened = await api.GetAsync("/v1/auth-servers");

        Assert.Equal(["2", "1", "0"], remaining);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("30", limited.Header("Retry-After"));
        Assert.Equal("0", limited.Header("RateLimit-Remaining"));
        Assert.Equal("30", limited.Header("RateLimit-Reset"));
        Assert.Equal("API rate limit exceeded", limited.String("message"));
        Assert.Equal(HttpStatusCode.OK, otherToken.Status);
        Assert.Equal(HttpStatusCode.OK, reopened.Status);
        Assert.Equal("2", reopened.Header("RateLimit-Remaining"));
    }

    [Fact]
    public async Task Latency_holds_the_response_until_the_clock_has_moved_by_it()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var api = await EmulatorClient.StartAsync(o => o.TimeProvider = time);
        api.Emulator.SetFaults(new EmulatorFaults { LatencyMs = 5000 });

        var call = api.GetAsync("/v1/auth-servers");
        await Eventually.TrueAsync(() => api.Emulator.Requests.Total == 1, "the request to arrive");
        var advances = 0;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!call.IsCompleted && DateTime.UtcNow < deadline)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            advances++;
            await Task.WhenAny(call, Task.Delay(50, TestContext.Current.CancellationToken));
        }

        Assert.Equal(HttpStatusCode.OK, (await call).Status);
        Assert.True(advances >= 5, $"answered after {advances} s of clock time");
    }

    [Fact]
    public void Latency_spikes_add_to_the_base_latency_at_their_rate()
    {
        var always = new FaultInjector(new EmulatorFaults { LatencyMs = 100, LatencySpikeRate = 1.0 }, seed: 1, TimeProvider.System);
        var never = new FaultInjector(new EmulatorFaults { LatencyMs = 100, LatencySpikeMs = 2000, LatencySpikeRate = 0 }, seed: 1, TimeProvider.System);
        var half = new FaultInjector(new EmulatorFaults { LatencySpikeRate = 0.5 }, seed: 7, TimeProvider.System);

        Assert.Equal(TimeSpan.FromMilliseconds(2100), always.Plan().Delay);
        Assert.Equal(TimeSpan.FromMilliseconds(100), never.Plan().Delay);
        var spikes = Enumerable.Range(0, 1000).Count(_ => half.Plan().Delay > TimeSpan.Zero);
        Assert.InRange(spikes, 400, 600);
    }

    [Fact]
    public async Task Requests_are_counted_by_method_and_route_template_without_hooks()
    {
        await using var api = await EmulatorClient.StartAsync();
        var serverId = await api.CreateAuthServerAsync();
        await api.GetAsync($"/v1/auth-servers/{serverId}");
        await api.GetAsync($"/v1/auth-servers/{serverId}");
        await api.GetAsync("/v1/nowhere");
        await api.GetAsync("/_emulator/state");

        var counts = await api.GetAsync("/_emulator/requests");

        Assert.Equal(2, api.Emulator.Requests.Count("GET", "/v1/auth-servers/{authServerId}"));
        Assert.Equal(1, api.Emulator.Requests.Count("POST", "/v1/auth-servers"));
        Assert.Equal(1, api.Emulator.Requests.Count("GET", "(unmatched)"));
        Assert.Equal(4, api.Emulator.Requests.Total);
        Assert.Equal(4, counts.Body.GetProperty("total").GetInt64());
        Assert.Equal(2, counts.Body.GetProperty("byRoute").GetProperty("GET /v1/auth-servers/{authServerId}").GetInt64());
        Assert.Equal(1, counts.Body.GetProperty("byStatus").GetProperty("404").GetInt64());
    }

    [Fact]
    public async Task Reset_clears_state_counts_and_faults_and_reseeds_the_tutorial()
    {
        await using var api = await EmulatorClient.StartAsync(o => o.SeedTutorial = true);
        await api.CreateAuthServerAsync();
        await api.PostAsync("/_emulator/faults", """{"latencyMs":1,"throttleNext":5}""");

        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync("/_emulator/reset", "")).Status);

        var snapshot = api.Emulator.Snapshot();
        Assert.Empty(snapshot.AuthServers);
        var plane = Assert.Single(snapshot.ControlPlanes);
        Assert.Equal("quickstart", plane.Name);
        Assert.Equal(0, api.Emulator.Requests.Total);
        Assert.Equal(EmulatorFaults.None, api.Emulator.Faults);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/v1/auth-servers")).Status);
    }

    [Fact]
    public async Task State_shows_everything_but_secret_values()
    {
        await using var api = await EmulatorClient.StartAsync();
        var setup = await IdentitySetup.CreateAsync(api);
        var planeId = await api.CreateControlPlaneAsync();
        await api.CreateAsync($"/v2/control-planes/{planeId}/core-entities/plugins", $$"""
            {"name":"upstream-oauth","config":{"oauth":{"token_endpoint":"{{setup.TokenEndpoint}}","client_id":"{{setup.ClientId}}","client_secret":"{{setup.ClientSecret}}"} } }
            """);

        var state = await api.GetAsync("/_emulator/state");
        var snapshot = api.Emulator.Snapshot();

        Assert.Equal(HttpStatusCode.OK, state.Status);
        Assert.DoesNotContain(setup.ClientSecret, state.Text, StringComparison.Ordinal);
        var client = state.Body.GetProperty("authServers")[0].GetProperty("clients")[0];
        Assert.Equal(setup.ClientId, client.GetProperty("id").GetString());
        var secret = Assert.Single(client.GetProperty("secrets").EnumerateArray());
        Assert.True(secret.GetProperty("enabled").GetBoolean());
        Assert.Equal(["createdAt", "enabled", "id", "updatedAt"], secret.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var plugin = Assert.Single(snapshot.AllPlugins);
        Assert.Equal(setup.ClientSecret, plugin.Config.GetProperty("oauth").GetProperty("client_secret").GetString());
        Assert.DoesNotContain(setup.ClientSecret, plugin.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(setup.ClientSecret, snapshot.ToString(), StringComparison.Ordinal);
        Assert.Equal(setup.Issuer, snapshot.AuthServers[0].Issuer);
    }

    [Fact]
    public async Task Omitted_fault_settings_keep_their_defaults()
    {
        await using var api = await EmulatorClient.StartAsync();

        var response = await api.PostAsync("/_emulator/faults", """{"latencySpikeRate":0.25}""");

        Assert.Equal(2000, response.Body.GetProperty("latencySpikeMs").GetInt32());
        Assert.Equal(new EmulatorFaults { LatencySpikeRate = 0.25 }, api.Emulator.Faults);
    }

    [Fact]
    public async Task Invalid_fault_settings_are_refused()
    {
        await using var api = await EmulatorClient.StartAsync();

        var outOfRange = await api.PostAsync("/_emulator/faults", """{"errorRate":2}""");
        var unknown = await api.PostAsync("/_emulator/faults", """{"errorRatio":0.5}""");

        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.Status);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Throws<ArgumentException>(() => api.Emulator.SetFaults(new EmulatorFaults { LatencyMs = -1 }));
        Assert.Equal(EmulatorFaults.None, api.Emulator.Faults);
    }

    [Fact]
    public async Task Hooks_need_no_token()
    {
        await using var api = await EmulatorClient.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = api.Emulator.BaseAddress };

        using var response = await anonymous.PostAsync(
            "_emulator/faults",
            new StringContent("""{"latencyMs":0}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
