using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Konnect.Identity;

/// <summary>Kong Identity auth servers: <c>/v1/auth-servers</c>.</summary>
public interface IAuthServersApi
{
    /// <summary>Lists one page.</summary>
    Task<Page<AuthServer>> ListAsync(AuthServerListQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Walks every page (page size 100 unless the query says otherwise).</summary>
    IAsyncEnumerable<AuthServer> ListAllAsync(AuthServerListQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one auth server, or <see langword="null"/> when it does not exist.</summary>
    Task<AuthServer?> GetAsync(string authServerId, CancellationToken cancellationToken = default);

    /// <summary>Creates an auth server (201). 409 when the name is taken.</summary>
    Task<AuthServer> CreateAsync(AuthServerCreate body, CancellationToken cancellationToken = default);

    /// <summary>Changes the fields set in <paramref name="body"/>.</summary>
    Task<AuthServer> PatchAsync(string authServerId, AuthServerPatch body, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes an auth server; with <paramref name="force"/> also its clients, scopes and claims (without it Konnect
    /// refuses while children exist). Returns <see langword="false"/> when it was already gone.
    /// </summary>
    Task<bool> DeleteAsync(string authServerId, bool force = false, CancellationToken cancellationToken = default);
}
