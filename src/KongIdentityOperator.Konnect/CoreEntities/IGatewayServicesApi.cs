using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Konnect.CoreEntities;

/// <summary>Gateway services of a control plane: <c>/v2/control-planes/{cp}/core-entities/services</c>.</summary>
public interface IGatewayServicesApi
{
    /// <summary>Gets a service by id or name, or <see langword="null"/> on 404.</summary>
    Task<GatewayService?> GetAsync(string controlPlaneId, string serviceIdOrName, CancellationToken cancellationToken = default);

    /// <summary>Lists one page (cursor paging).</summary>
    Task<CursorPage<GatewayService>> ListAsync(string controlPlaneId, CoreEntityListQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Walks every page by following the <c>offset</c> cursor.</summary>
    IAsyncEnumerable<GatewayService> ListAllAsync(string controlPlaneId, CoreEntityListQuery? query = null, CancellationToken cancellationToken = default);
}
