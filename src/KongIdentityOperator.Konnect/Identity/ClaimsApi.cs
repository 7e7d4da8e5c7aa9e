using KongIdentityOperator.Konnect.Http;
using KongIdentityOperator.Konnect.Json;
using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Konnect.Identity;

internal sealed class ClaimsApi(KonnectTransport transport) : IClaimsApi
{
    public Task<Page<Claim>> ListAsync(string authServerId, ClaimListQuery? query = null, CancellationToken cancellationToken = default) =>
        transport.SendAsync(HttpMethod.Get, Collection(authServerId), ToQuery(query ?? new()), null, KonnectJsonContext.Default.PageClaim, cancellationToken);

    public IAsyncEnumerable<Claim> ListAllAsync(string authServerId, ClaimListQuery? query = null, CancellationToken cancellationToken = default)
    {
        var first = query ?? new();
        var size = first.PageSize ?? PageRequest.DefaultListAllPageSize;
        return ListWalker.WalkPagesAsync((number, ct) => ListAsync(authServerId, first with { PageSize = size, PageNumber = number }, ct), cancellationToken);
    }

    public Task<Claim?> GetAsync(string authServerId, string claimId, CancellationToken cancellationToken = default) =>
        transport.GetOrNullAsync(Item(authServerId, claimId), KonnectJsonContext.Default.Claim, cancellationToken);

    public Task<Claim> CreateAsync(string authServerId, ClaimCreate body, CancellationToken cancellationToken = default) =>
        transport.SendAsync(
            HttpMethod.Post, Collection(authServerId), null, RequestBody.Json(body, KonnectJsonContext.Default.ClaimCreate), KonnectJsonContext.Default.Claim, cancellationToken);

    public Task<Claim> PatchAsync(string authServerId, string claimId, ClaimPatch body, CancellationToken cancellationToken = default) =>
        transport.SendAsync(
            HttpMethod.Patch, Item(authServerId, claimId), null, RequestBody.Json(body, KonnectJsonContext.Default.ClaimPatch), KonnectJsonContext.Default.Claim, cancellationToken);

    public Task<bool> DeleteAsync(string authServerId, string claimId, CancellationToken cancellationToken = default) =>
        transport.DeleteAsync(Item(authServerId, claimId), null, cancellationToken);

    private static KonnectRoute Collection(string authServerId) => KonnectRoute.Of("/v1/auth-servers/{authServerId}/claims", authServerId);

    private static KonnectRoute Item(string authServerId, string claimId) =>
        KonnectRoute.Of("/v1/auth-servers/{authServerId}/claims/{claimId}", authServerId, claimId);

    private static QueryBuilder ToQuery(ClaimListQuery query) =>
        new QueryBuilder()
            .Filter("name", query.Name)
            .FilterEquals("id", query.Id)
            .Add("sort", query.Sort)
            .Page(query.PageSize, query.PageNumber);
}
