using KongIdentityOperator.Konnect.ControlPlanes;
using KongIdentityOperator.Konnect.CoreEntities;
using KongIdentityOperator.Konnect.Http;
using KongIdentityOperator.Konnect.Identity;

namespace KongIdentityOperator.Konnect;

internal sealed class KonnectClient(KonnectConnection connection, KonnectTransport transport) : IKonnectClient
{
    public KonnectConnection Connection { get; } = connection;

    public IAuthServersApi AuthServers { get; } = new AuthServersApi(transport);

    public IScopesApi Scopes { get; } = new ScopesApi(transport);

    public IClaimsApi Claims { get; } = new ClaimsApi(transport);

    public IClientsApi Clients { get; } = new ClientsApi(transport);

    public IClientSecretsApi ClientSecrets { get; } = new ClientSecretsApi(transport);

    public IControlPlanesApi ControlPlanes { get; } = new ControlPlanesApi(transport);

    public IPluginsApi Plugins { get; } = new PluginsApi(transport);

    public IGatewayServicesApi GatewayServices { get; } = new GatewayServicesApi(transport);

    public IRoutesApi Routes { get; } = new RoutesApi(transport);
}
