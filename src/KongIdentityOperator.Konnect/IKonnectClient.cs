using KongIdentityOperator.Konnect.ControlPlanes;
using KongIdentityOperator.Konnect.CoreEntities;
using KongIdentityOperator.Konnect.Errors;
using KongIdentityOperator.Konnect.Identity;

namespace KongIdentityOperator.Konnect;

/// <summary>
/// A typed Konnect API client bound to one connection. Every call is asynchronous, cancellable, retried when that
/// is safe (never a POST), rate limited per (server URL, token), and turns non-2xx answers into
/// <see cref="KonnectApiException"/>.
/// </summary>
/// <remarks>
/// Conventions across the groups: <c>GetAsync</c> returns <see langword="null"/> on 404; <c>DeleteAsync</c>
/// returns <see langword="false"/> on 404 (already gone); every other non-2xx answer throws.
/// Transport failures that survive the retries surface as <see cref="HttpRequestException"/>, or as a
/// <see cref="KonnectApiException"/> whose <see cref="KonnectApiException.IsTimeout"/> is set when no answer came in time.
/// </remarks>
public interface IKonnectClient
{
    /// <summary>The connection this client uses.</summary>
    KonnectConnection Connection { get; }

    /// <summary>Kong Identity auth servers (<c>/v1/auth-servers</c>).</summary>
    IAuthServersApi AuthServers { get; }

    /// <summary>Scopes of an auth server.</summary>
    IScopesApi Scopes { get; }

    /// <summary>Claims of an auth server.</summary>
    IClaimsApi Claims { get; }

    /// <summary>OAuth clients of an auth server.</summary>
    IClientsApi Clients { get; }

    /// <summary>Secrets of a client.</summary>
    IClientSecretsApi ClientSecrets { get; }

    /// <summary>Gateway control planes (<c>/v2/control-planes</c>).</summary>
    IControlPlanesApi ControlPlanes { get; }

    /// <summary>Plugins of a control plane, at global, service or route scope.</summary>
    IPluginsApi Plugins { get; }

    /// <summary>Gateway services of a control plane.</summary>
    IGatewayServicesApi GatewayServices { get; }

    /// <summary>Gateway routes of a control plane.</summary>
    IRoutesApi Routes { get; }
}
