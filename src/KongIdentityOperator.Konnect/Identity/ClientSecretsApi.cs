using KongIdentityOperator.Konnect.Http;
using KongIdentityOperator.Konnect.Json;
using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Konnect.Identity;

internal sealed class ClientSecretsApi(KonnectTransport transport) : IClientSecretsApi
{
    public Task<Page<ClientSecret>> ListAsync(
        string authServerId, string clientId, ClientSecretListQuery? query = null, CancellationToken cancellationToken = default) =>
        transport.SendAsync(
            HttpMethod.Get, Collection(authServerId, clientId), ToQuery(query ?? new()), null, KonnectJsonContext.Default.PageClientSecret, cancellationToken);

    public IAsyncEnumerable<ClientSecret> ListAllAsync(
        string authServerId, string clientId, ClientSecretListQuery? query = null, CancellationToken cancellationToken = default)
    {
        var first = query ?? new();
        var size = first.PageSize ?? PageRequest.DefaultListAllPageSize;
        return ListWalker.WalkPagesAsync(
            (number, ct) => ListAsync(authServerId, clientId, first with { PageSize = size, PageNumber = number }, ct), cancellationToken);
    }

    public Task<ClientSecret?> GetAsync(string authServerId, string clientId, string clientSecretId, CancellationToken cancellationToken = default) =>
        transport.GetOrNullAsync(Item(authServerId, clientId, clientSecretId), KonnectJsonContext.Default.ClientSecret, cancellationToken);

    public Task<ClientSecret> CreateAsync(string authServerId, string clientId, ClientSecretCreate body, CancellationToken cancellationToken = default) =>
        transport.SendAsync(
            HttpMethod.Post,
            Collection(authServerId, clientId),
            null,
            RequestBody.Json(body, KonnectJsonContext.Default.ClientSecretCreate),
            KonnectJsonContext.Default.ClientSecret,
            cancellationToken);

    public Task<ClientSecret> PatchAsync(
        string authServerId, string clientId, string clientSecretId, ClientSecretPatch body, CancellationToken cancellationToken = default) =>
        transport.SendAsync(
            HttpMethod.Patch,
            Item(authServerId, clientId, clientSecretId),
            null,
            RequestBody.Json(body, KonnectJsonContext.Default.ClientSecretPatch),
            KonnectJsonContext.Default.ClientSecret,
            cancellationToken);

    public Task<bool> DeleteAsync(string authServerId, string clientId, string clientSecretId, CancellationToken cancellationToken = default) =>
        transport.DeleteAsync(Item(authServerId, clientId, clientSecretId), null, cancellationToken);

    private static KonnectRoute Collection(string authServerId, string clientId) =>
        KonnectRoute.Of("/v1/auth-servers/{authServerId}/clients/{clientId}/secrets", authServerId, clientId);

    private static KonnectRoute Item(string authServerId, string clientId, string clientSecretId) =>
        KonnectRoute.Of("/v1/auth-servers/{authServerId}/clients/{clientId}/secrets/{clientSecretId}", authServerId, clientId, clientSecretId);

    private static QueryBuilder ToQuery(ClientSecretListQuery query) =>
        new QueryBuilder()
            .FilterEquals("id", query.Id)
            .Add("filter[enabled]", query.Enabled)
            .Add("sort", query.Sort)
            .Page(query.PageSize, query.PageNumber);
}
