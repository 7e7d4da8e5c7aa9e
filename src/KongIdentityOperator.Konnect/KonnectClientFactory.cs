using KongIdentityOperator.Konnect.Http;
using Microsoft.Extensions.Options;

namespace KongIdentityOperator.Konnect;

/// <summary>
/// Hands out clients over the one named <see cref="HttpClient"/> registration, so every connection shares the
/// pooled handlers and the resilience pipeline; the token travels on each request, never on the shared client.
/// </summary>
internal sealed class KonnectClientFactory(IHttpClientFactory httpClientFactory, IOptions<KonnectClientOptions> options, TimeProvider time)
    : IKonnectClientFactory
{
    public IKonnectClient For(KonnectConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var http = httpClientFactory.CreateClient(KonnectServiceCollectionExtensions.HttpClientName);
        return new KonnectClient(connection, new KonnectTransport(http, connection, options.Value, time));
    }
}
