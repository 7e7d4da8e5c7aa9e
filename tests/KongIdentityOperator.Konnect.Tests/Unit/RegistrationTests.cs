using System.Net;
using KongIdentityOperator.Konnect.Observability;
using KongIdentityOperator.Konnect.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KongIdentityOperator.Konnect.Tests.Unit;

public sealed class RegistrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Invalid_options_are_rejected_with_every_problem()
    {
        var services = new ServiceCollection();
        services.AddKonnectClient(options =>
        {
            options.RateLimitPerMinute = 0;
            options.TotalTimeout = TimeSpan.FromSeconds(1);
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IKonnectClientFactory>().For(KonnectConnection.ForRegion("us", "kpat_x")));

        Assert.Contains(error.Failures, f => f.Contains("RateLimitPerMinute", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("TotalTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Registering_twice_keeps_one_pipeline_and_applies_both_configurations()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var handler = new StubHttpHandler(time);
        var observer = new RecordingObserver();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IKonnectCallObserver>(observer);
        services.AddKonnectClient(options => options.RateLimitBurst = 3);
        services.AddKonnectClient(options => options.MaxRetryAttempts = 1).ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();
        handler.Respond(_ => StubHttpHandler.Json(HttpStatusCode.OK, Bodies.AuthServer()));

        await provider.GetRequiredService<IKonnectClientFactory>().For(KonnectConnection.ForRegion("us", "kpat_x")).AuthServers.GetAsync("a", Ct);

        var options = provider.GetRequiredService<IOptions<KonnectClientOptions>>().Value;
        Assert.Equal((3, 1), (options.RateLimitBurst, options.MaxRetryAttempts));
        Assert.Single(observer.Attempts);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public void The_shared_http_client_carries_no_token_and_no_own_timeout()
    {
        var services = new ServiceCollection();
        services.AddKonnectClient();
        using var provider = services.BuildServiceProvider();

        using var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(KonnectServiceCollectionExtensions.HttpClientName);

        Assert.Null(http.DefaultRequestHeaders.Authorization);
        Assert.Equal(Timeout.InfiniteTimeSpan, http.Timeout);
    }

    [Fact]
    public void Clients_are_bound_to_their_connection()
    {
        var services = new ServiceCollection();
        services.AddKonnectClient();
        using var provider = services.BuildServiceProvider();
        var connection = KonnectConnection.ForRegion("eu", "spat_y");

        var client = provider.GetRequiredService<IKonnectClientFactory>().For(connection);

        Assert.Same(connection, client.Connection);
    }

    [Fact]
    public void One_http_client_per_base_url_is_created_through_the_factory_and_shared_by_every_token()
    {
        using var counting = new CountingHttpClientFactory();
        var services = new ServiceCollection();
        services.AddKonnectClient();
        services.AddSingleton<IHttpClientFactory>(counting);
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IKonnectClientFactory>();

        factory.For(KonnectConnection.ForRegion("us", "kpat_a"));
        factory.For(KonnectConnection.ForRegion("us", "kpat_b"));
        factory.For(KonnectConnection.ForRegion("us", "kpat_a"));
        factory.For(KonnectConnection.ForRegion("eu", "kpat_a"));
        factory.For(new KonnectConnection(new Uri("http://127.0.0.1:9100"), "kpat_a"));

        Assert.Equal(3, counting.Created);
    }

    private sealed class CountingHttpClientFactory : IHttpClientFactory, IDisposable
    {
        private readonly List<HttpClient> _clients = [];

        public int Created => _clients.Count;

        public HttpClient CreateClient(string name)
        {
            Assert.Equal(KonnectServiceCollectionExtensions.HttpClientName, name);
            var client = new HttpClient();
            _clients.Add(client);
            return client;
        }

        public void Dispose()
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }
        }
    }
}
