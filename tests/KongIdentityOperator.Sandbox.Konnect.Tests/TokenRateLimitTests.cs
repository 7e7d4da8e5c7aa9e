using System.Net;
using KongIdentityOperator.Sandbox.Konnect.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KongIdentityOperator.Sandbox.Konnect.Tests;

/// <summary>The documented token-request rate per auth server: 429 with Retry-After beyond it, per second of the emulator's clock.</summary>
public sealed class TokenRateLimitTests
{
    [Fact]
    public async Task The_request_past_the_limit_in_one_second_is_429_and_the_next_second_is_open_again()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using var api = await EmulatorClient.StartAsync(o =>
        {
            o.TimeProvider = time;
            o.Limits = new KonnectEmulatorLimits { MaxTokenRequestsPerSecond = 3 };
        });
        var setup = await IdentitySetup.CreateAsync(api);

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            allowed.Add((await setup.TokenAsync(secret: i == 1 ? "wrong-secret" : null)).Status);
            time.Advance(TimeSpan.FromMilliseconds(300));
        }

        var limited = await setup.TokenAsync();
        time.Advance(TimeSpan.FromMilliseconds(100));
        var reopened = await setup.TokenAsync();

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.OK], allowed);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("1", limited.Header("Retry-After"));
        Assert.Equal("application/json", limited.ContentType);
        Assert.Equal("temporarily_unavailable", limited.String("error"));
        Assert.StartsWith("Limit exceeded: an auth server accepts at most 3 token requests per second", limited.String("error_description"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reopened.Status);
    }

    [Fact]
    public async Task Each_auth_server_has_its_own_budget()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using var api = await EmulatorClient.StartAsync(o =>
        {
            o.TimeProvider = time;
            o.Limits = new KonnectEmulatorLimits { MaxTokenRequestsPerSecond = 1 };
        });
        var first = await IdentitySetup.CreateAsync(api);
        var second = await IdentitySetup.CreateAsync(api, serverName: "second");

        var firstOk = await first.TokenAsync();
        var firstLimited = await first.TokenAsync();
        var secondOk = await second.TokenAsync();

        Assert.Equal(HttpStatusCode.OK, firstOk.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, firstLimited.Status);
        Assert.Equal(HttpStatusCode.OK, secondOk.Status);
    }

    [Fact]
    public async Task The_documented_limit_lets_a_hundred_requests_through_in_one_second()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using var api = await EmulatorClient.StartAsync(o => o.TimeProvider = time);
        var setup = await IdentitySetup.CreateAsync(api);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 101; i++)
        {
            statuses.Add((await setup.TokenAsync(secret: "wrong-secret")).Status);
        }

        Assert.All(statuses.Take(100), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[100]);
    }
}
