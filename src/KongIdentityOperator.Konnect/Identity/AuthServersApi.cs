using KongIdentityOperator.Konnect.Http;
using KongIdentityOperator.Konnect.Json;
using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Konnect.Identity;

internal sealed class AuthServersApi(KonnectTransport transport) : IAuthServersApi
{
    private static readonly KonnectRoute Collection = KonnectRoute.Of("/v1/auth-servers");

    public Task<Page<AuthServer>> ListAsync(AuthServerListQuery? query = null, CancellationToken cancellationToken = default) =>
        transport.SendAsync(HttpMethod.Get, Collection, ToQuery(query ?? new()), null, KonnectJsonContext.Default.PageAuthServer, cancellationToken);

    public IAsyncEnumerable<AuthServer> ListAllAsync(AuthServerListQuery? query = null, CancellationToken cancellationToken = default)
    {
        var first = query ?? new();
        var size = first.PageSize ?? PageRequest.DefaultListAllPageSize;
        return ListWalker.WalkPagesAsync((number, ct) => ListAsync(first with { PageSize = size, PageNumber = number }, ct), cancellationToken);
    }

    public Task<AuthServer?> GetAsync(string authServerId, CancellationToken cancellationToken = default) =>
        transport.GetOrNullAsync(Item(authServerId), KonnectJsonContext.Default.AuthServer, cancellationToken);

    public Task<AuthServer> CreateAsync(AuthServerCreate body, CancellationToken cancellationToken = default) =>
        transport.SendAsync(
            HttpMethod.Post, Collection, null, RequestBody.Json(body, KonnectJsonContext.Default.AuthServerCreate), KonnectJsonContext.Default.AuthServer, cancellationToken);

    public Task<AuthServer> PatchAsync(string authServerId, AuthServerPatch body, CancellationToken cancellationToken = default) =>
        transport.SendAsync(
            HttpMethod.Patch, Item(authServerId), null, RequestBody.Json(body, KonnectJsonContext.Default.AuthServerPatch), KonnectJsonContext.Default.AuthServer, cancellationToken);

    public Task<bool> DeleteAsync(string authServerId, bool force = false, CancellationToken cancellationToken = default) =>
        transport.DeleteAsync(Item(authServerId), new QueryBuilder().Add("force", force), cancellationToken);

    private static KonnectRoute Item(string authServerId) => KonnectRoute.Of("/v1/auth-servers/{authServerId}", authServerId);

    private static QueryBuilder ToQuery(AuthServerListQuery query) =>
        new QueryBuilder()
            .Filter("name", query.Name)
            .Filter("description", query.Description)
            .Filter("audience", query.Audience)
            .FilterEquals("id", query.Id)
            .FilterEquals("labels", query.Labels)
            .Add("sort", query.Sort)
            .Page(query.PageSize, query.PageNumber);
}
