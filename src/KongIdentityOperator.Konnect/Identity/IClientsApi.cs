using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Konnect.Identity;

/// <summary>OAuth clients of an auth server: <c>/v1/auth-servers/{authServerId}/clients</c>.</summary>
public interface IClientsApi
{
    Task<Page<Client>> ListAsync(string authServerId, ClientListQuery? query = null, CancellationToken cancellationToken = default);

    IAsyncEnumerable<Client> ListAllAsync(string authServerId, ClientListQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one client by its OAuth <c>client_id</c>, or <see langword="null"/> on 404.</summary>
    Task<Client?> GetAsync(string authServerId, string clientId, CancellationToken cancellationToken = default);

    /// <summary>Creates a client with a Konnect-generated id and secret; the secret is in the answer only.</summary>
    Task<CreatedClient> CreateAsync(string authServerId, ClientCreate body, CancellationToken cancellationToken = default);

    /// <summary>Creates (201) or replaces (200) the client with the caller's <paramref name="clientId"/> and secret. Idempotent.</summary>
    Task<ClientUpsertResult> UpsertAsync(string authServerId, string clientId, ClientUpsert body, CancellationToken cancellationToken = default);

    Task<Client> PatchAsync(string authServerId, string clientId, ClientPatch body, CancellationToken cancellationToken = default);

    /// <summary>Deletes a client and its tokens. <see langword="false"/> when already gone.</summary>
    Task<bool> DeleteAsync(string authServerId, string clientId, CancellationToken cancellationToken = default);
}
