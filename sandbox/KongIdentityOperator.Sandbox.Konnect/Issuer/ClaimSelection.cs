using KongIdentityOperator.Sandbox.Konnect.Identity;

namespace KongIdentityOperator.Sandbox.Konnect.Issuer;

/// <summary>
/// Which claims go into a token (CONTRACT §3.3): only enabled claims with <c>include_in_token</c>;
/// <c>include_in_all_scopes</c> → always; else with <c>include_in_scopes</c> → when one of those scopes is granted;
/// else ("only when no scopes requested") → when the request named no scope.
/// </summary>
internal static class ClaimSelection
{
    public static bool Includes(Claim claim, IReadOnlySet<Guid> grantedScopeIds, bool scopesRequested)
    {
        if (!claim.Enabled || !claim.IncludeInToken)
        {
            return false;
        }

        if (claim.IncludeInAllScopes)
        {
            return true;
        }

        return claim.IncludeInScopes.IsEmpty ? !scopesRequested : claim.IncludeInScopes.Any(grantedScopeIds.Contains);
    }
}
