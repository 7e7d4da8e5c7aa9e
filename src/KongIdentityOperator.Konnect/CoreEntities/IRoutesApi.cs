namespace KongIdentityOperator.Konnect.CoreEntities;

/// <summary>Gateway routes of a control plane: <c>/v2/control-planes/{cp}/core-entities/routes</c>.</summary>
public interface IRoutesApi
{
    /// <summary>Gets a route by id or name, or <see langword="null"/> on 404.</summary>
    Task<GatewayRoute?> GetAsync(string controlPlaneId, string routeIdOrName, CancellationToken cancellationToken = default);
}
