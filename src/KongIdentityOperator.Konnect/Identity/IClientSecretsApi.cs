using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Konnect.Identity;

/// <summary>Secrets of a client: <c>/v1/auth-servers/{authServerId}/clients/{clientId}/secrets</c>.</summary>
public interface IClientSecretsApi
{
    Task<Page<ClientSecret>> ListAsync(string authServerId, string clientId, ClientSecretListQuery? query = null, CancellationToken cancellationToken = default);

    IAsyncEnumerable<ClientSecret> ListAllAsync(string authServerId, string clientId, ClientSecretListQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one secret (without its value), or <see langword="null"/> on 404.</summary>
    Task<ClientSecret?> GetAsync(string authServerId, string clientId, string clientSecretId, CancellationToken cancellationToken = default);

    /// <summary>Adds a secret (201; the value is returned this once). 403 when the client has its maximum of enabled secrets.</summary>
    Task<ClientSecret> CreateAsync(string authServerId, string clientId, ClientSecretCreate body, CancellationToken cancellationToken = default);

    Task<ClientSecret> PatchAsync(string authServerId, string clientId, string clientSecretId, ClientSecretPatch body, CancellationToken cancellationToken = default);

    /// <summary>Deletes a secret. <see langword="false"/> when already gone.</summary>
    Task<bool> DeleteAsync(string authServerId, string clientId, string clientSecretId, CancellationToken cancellationToken = default);
}
