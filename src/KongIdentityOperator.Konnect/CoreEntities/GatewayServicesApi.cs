using KongIdentityOperator.Konnect.Http;
using KongIdentityOperator.Konnect.Json;

namespace KongIdentityOperator.Konnect.CoreEntities;

internal sealed class GatewayServicesApi(KonnectTransport transport) : IGatewayServicesApi
{
    public Task<GatewayService?> GetAsync(string controlPlaneId, string serviceIdOrName, CancellationToken cancellationToken = default) =>
        transport.GetOrNullAsync(
            CoreEntityRoutes.Root(controlPlaneId).Append("/services/{serviceIdOrName}", serviceIdOrName),
            KonnectJsonContext.Default.GatewayService,
            cancellationToken);
}
