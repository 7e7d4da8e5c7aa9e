using KongIdentityOperator.Konnect.Paging;

namespace KongIdentityOperator.Konnect.Identity;

/// <summary>Claims of an auth server: <c>/v1/auth-servers/{authServerId}/claims</c>.</summary>
public interface IClaimsApi
{
    Task<Page<Claim>> ListAsync(string authServerId, ClaimListQuery? query = null, CancellationToken cancellationToken = default);

    IAsyncEnumerable<Claim> ListAllAsync(string authServerId, ClaimListQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one claim, or <see langword="null"/> on 404.</summary>
    Task<Claim?> GetAsync(string authServerId, string claimId, CancellationToken cancellationToken = default);

    Task<Claim> CreateAsync(string authServerId, ClaimCreate body, CancellationToken cancellationToken = default);

    Task<Claim> PatchAsync(string authServerId, string claimId, ClaimPatch body, CancellationToken cancellationToken = default);

    /// <summary>Deletes a claim. <see langword="false"/> when already gone.</summary>
    Task<bool> DeleteAsync(string authServerId, string claimId, CancellationToken cancellationToken = default);
}
