namespace KongIdentityOperator.Sandbox.Konnect.Issuer;

/// <summary>RFC 6749 §5.1 access token response.</summary>
internal sealed record OAuthTokenResponse(string AccessToken, string TokenType, int ExpiresIn, string Scope)
{
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("AccessToken = ***, TokenType = ").Append(TokenType).Append(", ExpiresIn = ").Append(ExpiresIn).Append(", Scope = ").Append(Scope);
        return true;
    }
}
