using KongIdentityOperator.Konnect;
using KongIdentityOperator.Konnect.ControlPlanes;
using KongIdentityOperator.Konnect.CoreEntities;
using KongIdentityOperator.Konnect.Identity;

namespace KongIdentityOperator.Observation;

/// <summary>How each remote collection is read: GET by id, or every page at the largest page size (see <see cref="RemoteSources"/>).</summary>
internal static class RemoteReaders
{
    /// <summary>Page size of the Kong Identity lists (the largest the emulator serves; Konnect documents none).</summary>
    public const int IdentityPageSize = 100;

    /// <summary>Page size of the core-entities lists (Konnect's maximum).</summary>
    public const int CoreEntitiesPageSize = 1000;

    public static RemoteReader<ControlPlane> ControlPlanesByName(IKonnectClient api) => new(
        (name, ct) => api.ControlPlanes.FindByNameAsync(name, ct),
        ct => api.ControlPlanes.ListAllAsync(new ControlPlaneListQuery { PageSize = IdentityPageSize }, ct),
        plane => plane.Name,
        IdentityPageSize);

    public static RemoteReader<ControlPlane> ControlPlanesById(IKonnectClient api) => new(
        (id, ct) => api.ControlPlanes.GetAsync(id, ct),
        ct => api.ControlPlanes.ListAllAsync(new ControlPlaneListQuery { PageSize = IdentityPageSize }, ct),
        plane => plane.Id,
        IdentityPageSize);

    public static RemoteReader<GatewayService> Services(IKonnectClient api, string controlPlaneId, bool byName) => new(
        (idOrName, ct) => api.GatewayServices.GetAsync(controlPlaneId, idOrName, ct),
        ct => api.GatewayServices.ListAllAsync(controlPlaneId, new CoreEntityListQuery { Size = CoreEntitiesPageSize }, ct),
        service => byName ? service.Name ?? string.Empty : service.Id,
        CoreEntitiesPageSize);

    public static RemoteReader<Client> Clients(IKonnectClient api, string authServerId) => new(
        (id, ct) => api.Clients.GetAsync(authServerId, id, ct),
        ct => api.Clients.ListAllAsync(authServerId, new ClientListQuery { PageSize = IdentityPageSize }, ct),
        client => client.Id,
        IdentityPageSize);

    public static RemoteReader<Scope> Scopes(IKonnectClient api, string authServerId) => new(
        (id, ct) => api.Scopes.GetAsync(authServerId, id, ct),
        ct => api.Scopes.ListAllAsync(authServerId, new ScopeListQuery { PageSize = IdentityPageSize }, ct),
        scope => scope.Id,
        IdentityPageSize);

    public static RemoteReader<Claim> Claims(IKonnectClient api, string authServerId) => new(
        (id, ct) => api.Claims.GetAsync(authServerId, id, ct),
        ct => api.Claims.ListAllAsync(authServerId, new ClaimListQuery { PageSize = IdentityPageSize }, ct),
        claim => claim.Id,
        IdentityPageSize);

    /// <summary>Every plugin of the control plane (the global list holds service- and route-scoped ones too).</summary>
    public static RemoteReader<Plugin> Plugins(IKonnectClient api, string controlPlaneId) => new(
        (id, ct) => api.Plugins.GetAsync(controlPlaneId, PluginScope.Global, id, ct),
        ct => api.Plugins.ListAllAsync(controlPlaneId, PluginScope.Global, new CoreEntityListQuery { Size = CoreEntitiesPageSize }, ct),
        plugin => plugin.Id,
        CoreEntitiesPageSize);
}
