using KongIdentityOperator.Konnect.Http;
using KongIdentityOperator.Konnect.Json;
using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Konnect.Identity;

internal sealed class ScopesApi(KonnectTransport transport) : IScopesApi
{
    public Task<Page<Scope>> ListAsync(string authServerId, ScopeListQuery? query = null, CancellationToken cancellationToken = default) =>
        transport.SendAsync(HttpMethod.Get, Collection(authServerId), ToQuery(query ?? new()), null, KonnectJsonContext.Default.PageScope, cancellationToken);

    public IAsyncEnumerable<Scope> ListAllAsync(string authServerId, ScopeListQuery? query = null, CancellationToken cancellationToken = default)
    {
        var first = query ?? new();
        var size = first.PageSize ?? PageRequest.DefaultListAllPageSize;
        return ListWalker.WalkPagesAsync((number, ct) => ListAsync(authServerId, first with { PageSize = size, PageNumber = number }, ct), cancellationToken);
    }

    public Task<Scope?> GetAsync(string authServerId, string scopeId, CancellationToken cancellationToken = default) =>
        transport.GetOrNullAsync(Item(authServerId, scopeId), KonnectJsonContext.Default.Scope, cancellationToken);

    public Task<Scope> CreateAsync(string authServerId, ScopeCreate body, CancellationToken cancellationToken = default) =>
        transport.SendAsync(
            HttpMethod.Post, Collection(authServerId), null, RequestBody.Json(body, KonnectJsonContext.Default.ScopeCreate), KonnectJsonContext.Default.Scope, cancellationToken);

    public Task<Scope> PatchAsync(string authServerId, string scopeId, ScopePatch body, CancellationToken cancellationToken = default) =>
        transport.SendAsync(
            HttpMethod.Patch, Item(authServerId, scopeId), null, RequestBody.Json(body, KonnectJsonContext.Default.ScopePatch), KonnectJsonContext.Default.Scope, cancellationToken);

    public Task<bool> DeleteAsync(string authServerId, string scopeId, CancellationToken cancellationToken = default) =>
        transport.DeleteAsync(Item(authServerId, scopeId), null, cancellationToken);

    private static KonnectRoute Collection(string authServerId) => KonnectRoute.Of("/v1/auth-servers/{authServerId}/scopes", authServerId);

    private static KonnectRoute Item(string authServerId, string scopeId) =>
        KonnectRoute.Of("/v1/auth-servers/{authServerId}/scopes/{scopeId}", authServerId, scopeId);

    private static QueryBuilder ToQuery(ScopeListQuery query) =>
        new QueryBuilder()
            .Filter("name", query.Name)
            .FilterEquals("id", query.Id)
            .Add("sort", query.Sort)
            .Page(query.PageSize, query.PageNumber);
}
