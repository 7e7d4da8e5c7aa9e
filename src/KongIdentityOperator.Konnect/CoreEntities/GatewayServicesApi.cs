using KongIdentityOperator.Konnect.Http;
using KongIdentityOperator.Konnect.Json;
using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Konnect.CoreEntities;

internal sealed class GatewayServicesApi(KonnectTransport transport) : IGatewayServicesApi
{
    public Task<GatewayService?> GetAsync(string controlPlaneId, string serviceIdOrName, CancellationToken cancellationToken = default) =>
        transport.GetOrNullAsync(
            CoreEntityRoutes.Root(controlPlaneId).Append("/services/{serviceIdOrName}", serviceIdOrName),
            KonnectJsonContext.Default.GatewayService,
            cancellationToken);

    public Task<CursorPage<GatewayService>> ListAsync(string controlPlaneId, CoreEntityListQuery? query = null, CancellationToken cancellationToken = default) =>
        transport.SendAsync(
            HttpMethod.Get,
            CoreEntityRoutes.Root(controlPlaneId).Append("/services"),
            CoreEntityQuery.From(query ?? new()),
            null,
            KonnectJsonContext.Default.CursorPageGatewayService,
            cancellationToken);

    public IAsyncEnumerable<GatewayService> ListAllAsync(string controlPlaneId, CoreEntityListQuery? query = null, CancellationToken cancellationToken = default)
    {
        var first = query ?? new();
        return ListWalker.WalkCursorAsync((offset, ct) => ListAsync(controlPlaneId, first with { Offset = offset ?? first.Offset }, ct), cancellationToken);
    }
}
