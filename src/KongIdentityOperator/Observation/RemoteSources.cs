using KongIdentityOperator.Konnect;
using KongIdentityOperator.Konnect.ControlPlanes;
using KongIdentityOperator.Konnect.CoreEntities;
using KongIdentityOperator.Konnect.Identity;

namespace KongIdentityOperator.Observation;

/// <summary>
/// The remote collections the controllers read, each typed: the collection's key comes from the client's own
/// connection and the parent, its reader from <see cref="RemoteReaders"/>; the caller says only whose demand counts.
/// </summary>
internal static class RemoteSources
{
    public static RemoteSource<Client> Clients(this RemoteObservations observations, IKonnectClient api, string authServerId, Func<(int Pending, int Expected)> demand) =>
        Source(observations, Key(api, authServerId, "clients"), RemoteReaders.Clients(api, authServerId), demand);

    public static RemoteSource<Scope> Scopes(this RemoteObservations observations, IKonnectClient api, string authServerId, Func<(int Pending, int Expected)> demand) =>
        Source(observations, Key(api, authServerId, "scopes"), RemoteReaders.Scopes(api, authServerId), demand);

    public static RemoteSource<Claim> Claims(this RemoteObservations observations, IKonnectClient api, string authServerId, Func<(int Pending, int Expected)> demand) =>
        Source(observations, Key(api, authServerId, "claims"), RemoteReaders.Claims(api, authServerId), demand);

    /// <summary>Every plugin of the control plane (the global list holds service- and route-scoped ones too).</summary>
    public static RemoteSource<Plugin> Plugins(this RemoteObservations observations, IKonnectClient api, string controlPlaneId, Func<(int Pending, int Expected)> demand) =>
        Source(observations, Key(api, controlPlaneId, "plugins"), RemoteReaders.Plugins(api, controlPlaneId), demand);

    /// <summary>Control planes of the organization, looked up by id.</summary>
    public static RemoteSource<ControlPlane> ControlPlanesById(this RemoteObservations observations, IKonnectClient api, Func<(int Pending, int Expected)> demand) =>
        Source(observations, Key(api, string.Empty, "control-planes"), RemoteReaders.ControlPlanesById(api), demand);

    /// <summary>Control planes of the organization, looked up by name.</summary>
    public static RemoteSource<ControlPlane> ControlPlanesByName(this RemoteObservations observations, IKonnectClient api, Func<(int Pending, int Expected)> demand) =>
        Source(observations, Key(api, string.Empty, "control-planes-by-name"), RemoteReaders.ControlPlanesByName(api), demand);

    /// <summary>Gateway services of a control plane, looked up by name or by id.</summary>
    public static RemoteSource<GatewayService> Services(this RemoteObservations observations, IKonnectClient api, string controlPlaneId, bool byName, Func<(int Pending, int Expected)> demand) =>
        Source(observations, Key(api, controlPlaneId, byName ? "services-by-name" : "services"), RemoteReaders.Services(api, controlPlaneId, byName), demand);

    private static RemoteCollectionKey Key(IKonnectClient api, string parentId, string kind) => new(api.Connection, parentId, kind);

    private static RemoteSource<T> Source<T>(RemoteObservations observations, RemoteCollectionKey key, RemoteReader<T> reader, Func<(int Pending, int Expected)> demand)
        where T : class =>
        new(observations.Collection<T>(key), reader, demand);
}
