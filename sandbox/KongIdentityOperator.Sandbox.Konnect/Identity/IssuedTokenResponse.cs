namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary>The <c>Token</c> schema (a client's issued token, without the token itself).</summary>
internal sealed record IssuedTokenResponse(Guid Id, IReadOnlyList<string> GrantedScopeNames, DateTime CreatedAt, DateTime ExpiresAt)
{
    public static IssuedTokenResponse From(IssuedToken token) =>
        new(token.Id, token.GrantedScopeNames, token.CreatedAt.UtcDateTime, token.ExpiresAt.UtcDateTime);
}
