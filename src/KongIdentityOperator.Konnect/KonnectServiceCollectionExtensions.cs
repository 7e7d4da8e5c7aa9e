using KongIdentityOperator.Konnect.Http;
using KongIdentityOperator.Konnect.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KongIdentityOperator.Konnect;

/// <summary>Registers the Konnect client.</summary>
public static class KonnectServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> registration behind every Konnect client.</summary>
    public const string HttpClientName = "KongIdentityOperator.Konnect";

    /// <summary>
    /// Registers <see cref="IKonnectClientFactory"/>, <see cref="IKonnectRateLimitMetrics"/>, the options, and a named
    /// <see cref="HttpClient"/> with the resilience pipeline (timeouts, retries, client-side rate limiting, attempt
    /// observation). Uses the <see cref="TimeProvider"/> registered in DI (the system clock unless one is registered).
    /// Register <see cref="Observability.IKonnectCallObserver"/> implementations to be told about every attempt.
    /// </summary>
    /// <returns>The <see cref="IHttpClientBuilder"/> of the named client, e.g. to set a primary handler or a proxy.</returns>
    public static IHttpClientBuilder AddKonnectClient(this IServiceCollection services, Action<KonnectClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<KonnectClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // A second call only adds configuration: the handlers must not be stacked twice.
        if (services.Any(descriptor => descriptor.ServiceType == typeof(IKonnectClientFactory)))
        {
            return services.AddHttpClient(HttpClientName);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KonnectClientOptions>, KonnectClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<KonnectRateLimiter>();
        services.TryAddSingleton<ConnectionGates>();
        services.TryAddSingleton<IKonnectRateLimitMetrics>(provider => provider.GetRequiredService<KonnectRateLimiter>());
        services.TryAddSingleton<IKonnectClientFactory, KonnectClientFactory>();

        var builder = services.AddHttpClient(HttpClientName, http =>
        {
            // The resilience pipeline owns every timeout; HttpClient's own 100 s would cut retries short.
            http.Timeout = Timeout.InfiniteTimeSpan;
            http.DefaultRequestHeaders.UserAgent.ParseAdd("kong-identity-operator");
        });
        // The factory keeps one client per base URL for the process's life; recycling pooled connections keeps DNS fresh.
        // No redirects: a token goes only to the server it was resolved for, never to wherever a 3xx points.
        // A server that never accepts the connection costs ConnectTimeout, not the whole attempt.
        builder.ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = false,
            ConnectTimeout = provider.GetRequiredService<IOptions<KonnectClientOptions>>().Value.ConnectTimeout,
        });
        builder.AddResilienceHandler(KonnectResilience.PipelineName, KonnectResilience.Configure);
        return builder;
    }
}
