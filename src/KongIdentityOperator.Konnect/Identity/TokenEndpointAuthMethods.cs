namespace KongIdentityOperator.Konnect.Identity;

/// <summary>Values of a client's <c>token_endpoint_auth_method</c>.</summary>
public static class TokenEndpointAuthMethods
{
    public const string ClientSecretPost = "client_secret_post";
    public const string None = "none";
}
