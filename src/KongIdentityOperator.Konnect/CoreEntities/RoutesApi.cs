using KongIdentityOperator.Konnect.Http;
using KongIdentityOperator.Konnect.Json;

namespace KongIdentityOperator.Konnect.CoreEntities;

internal sealed class RoutesApi(KonnectTransport transport) : IRoutesApi
{
    public Task<GatewayRoute?> GetAsync(string controlPlaneId, string routeIdOrName, CancellationToken cancellationToken = default) =>
        transport.GetOrNullAsync(
            CoreEntityRoutes.Root(controlPlaneId).Append("/routes/{routeIdOrName}", routeIdOrName),
            KonnectJsonContext.Default.GatewayRoute,
            cancellationToken);
}
