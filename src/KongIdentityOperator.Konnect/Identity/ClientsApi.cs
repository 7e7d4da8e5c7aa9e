using System.Net;
using KongIdentityOperator.Konnect.Http;
using KongIdentityOperator.Konnect.Json;
using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Konnect.Identity;

internal sealed class ClientsApi(KonnectTransport transport) : IClientsApi
{
    public Task<Page<Client>> ListAsync(string authServerId, ClientListQuery? query = null, CancellationToken cancellationToken = default) =>
        transport.SendAsync(HttpMethod.Get, Collection(authServerId), ToQuery(query ?? new()), null, KonnectJsonContext.Default.PageClient, cancellationToken);

    public IAsyncEnumerable<Client> ListAllAsync(string authServerId, ClientListQuery? query = null, CancellationToken cancellationToken = default)
    {
        var first = query ?? new();
        var size = first.PageSize ?? PageRequest.DefaultListAllPageSize;
        return ListWalker.WalkPagesAsync((number, ct) => ListAsync(authServerId, first with { PageSize = size, PageNumber = number }, ct), cancellationToken);
    }

    public Task<Client?> GetAsync(string authServerId, string clientId, CancellationToken cancellationToken = default) =>
        transport.GetOrNullAsync(Item(authServerId, clientId), KonnectJsonContext.Default.Client, cancellationToken);

    public async Task<CreatedClient> CreateAsync(string authServerId, ClientCreate body, CancellationToken cancellationToken = default)
    {
        var route = Collection(authServerId);
        var (_, answer) = await transport.SendForBytesAsync(
            HttpMethod.Post, route, RequestBody.Json(body, KonnectJsonContext.Default.ClientCreate), cancellationToken).ConfigureAwait(false);
        var client = KonnectTransport.Deserialize(answer, KonnectJsonContext.Default.Client, HttpMethod.Post, route);
        var secret = KonnectTransport.Deserialize(answer, KonnectJsonContext.Default.ClientSecretField, HttpMethod.Post, route).ClientSecret
            ?? throw new InvalidDataException($"Konnect POST {route.Template} answered without the client_secret of the new client.");
        return new CreatedClient(client, secret);
    }

    public async Task<ClientUpsertResult> UpsertAsync(string authServerId, string clientId, ClientUpsert body, CancellationToken cancellationToken = default)
    {
        var route = Item(authServerId, clientId);
        var (status, answer) = await transport.SendForBytesAsync(
            HttpMethod.Put, route, RequestBody.Json(body, KonnectJsonContext.Default.ClientUpsert), cancellationToken).ConfigureAwait(false);
        return new ClientUpsertResult(
            KonnectTransport.Deserialize(answer, KonnectJsonContext.Default.Client, HttpMethod.Put, route),
            Created: status == HttpStatusCode.Created);
    }

    public Task<Client> PatchAsync(string authServerId, string clientId, ClientPatch body, CancellationToken cancellationToken = default) =>
        transport.SendAsync(
            HttpMethod.Patch, Item(authServerId, clientId), null, RequestBody.Json(body, KonnectJsonContext.Default.ClientPatch), KonnectJsonContext.Default.Client, cancellationToken);

    public Task<bool> DeleteAsync(string authServerId, string clientId, CancellationToken cancellationToken = default) =>
        transport.DeleteAsync(Item(authServerId, clientId), null, cancellationToken);

    private static KonnectRoute Collection(string authServerId) => KonnectRoute.Of("/v1/auth-servers/{authServerId}/clients", authServerId);

    private static KonnectRoute Item(string authServerId, string clientId) =>
        KonnectRoute.Of("/v1/auth-servers/{authServerId}/clients/{clientId}", authServerId, clientId);

    private static QueryBuilder ToQuery(ClientListQuery query) =>
        new QueryBuilder()
            .Filter("name", query.Name)
            .FilterEquals("id", query.Id)
            .FilterEquals("labels", query.Labels)
            .Add("sort", query.Sort)
            .Page(query.PageSize, query.PageNumber);
}
