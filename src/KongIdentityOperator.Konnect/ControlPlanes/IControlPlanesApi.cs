using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Konnect.ControlPlanes;

/// <summary>Gateway control planes: <c>/v2/control-planes</c> (read only here).</summary>
public interface IControlPlanesApi
{
    Task<Page<ControlPlane>> ListAsync(ControlPlaneListQuery? query = null, CancellationToken cancellationToken = default);

    IAsyncEnumerable<ControlPlane> ListAllAsync(ControlPlaneListQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one control plane by id, or <see langword="null"/> on 404.</summary>
    Task<ControlPlane?> GetAsync(string controlPlaneId, CancellationToken cancellationToken = default);

    /// <summary>Finds the control plane with exactly this name (<c>filter[name][eq]</c>), or <see langword="null"/>.</summary>
    Task<ControlPlane?> FindByNameAsync(string name, CancellationToken cancellationToken = default);
}
