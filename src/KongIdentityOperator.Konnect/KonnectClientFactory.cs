using System.Collections.Concurrent;
using KongIdentityOperator.Konnect.Http;
using KongIdentityOperator.Konnect.RateLimiting;
using Microsoft.Extensions.Options;

namespace KongIdentityOperator.Konnect;

/// <summary>
/// Hands out clients with one <see cref="HttpClient"/> per Konnect base URL, created once through
/// <see cref="IHttpClientFactory"/> (the named registration with the resilience pipeline) and shared by every token
/// on that server: the token travels on each request, never on the client. The clients live as long as the process;
/// their connections are recycled by the primary handler's pooled-connection lifetime, so DNS changes are followed.
/// </summary>
internal sealed class KonnectClientFactory(IHttpClientFactory httpClientFactory, IOptions<KonnectClientOptions> options, TimeProvider time, ConnectionGates gates)
    : IKonnectClientFactory
{
    private readonly ConcurrentDictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    public IKonnectClient For(KonnectConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var http = _clients.GetOrAdd(connection.ServerUrl.AbsoluteUri, _ => httpClientFactory.CreateClient(KonnectServiceCollectionExtensions.HttpClientName));
        return new KonnectClient(connection, new KonnectTransport(http, connection, options.Value, time, gates));
    }
}
