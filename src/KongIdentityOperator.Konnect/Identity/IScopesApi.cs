using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Konnect.Identity;

/// <summary>Scopes of an auth server: <c>/v1/auth-servers/{authServerId}/scopes</c>.</summary>
public interface IScopesApi
{
    Task<Page<Scope>> ListAsync(string authServerId, ScopeListQuery? query = null, CancellationToken cancellationToken = default);

    IAsyncEnumerable<Scope> ListAllAsync(string authServerId, ScopeListQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one scope, or <see langword="null"/> on 404 (scope or auth server missing).</summary>
    Task<Scope?> GetAsync(string authServerId, string scopeId, CancellationToken cancellationToken = default);

    Task<Scope> CreateAsync(string authServerId, ScopeCreate body, CancellationToken cancellationToken = default);

    Task<Scope> PatchAsync(string authServerId, string scopeId, ScopePatch body, CancellationToken cancellationToken = default);

    /// <summary>Deletes a scope (Konnect also removes it from clients). <see langword="false"/> when already gone.</summary>
    Task<bool> DeleteAsync(string authServerId, string scopeId, CancellationToken cancellationToken = default);
}
