namespace KongIdentityOperator.Konnect.Identity;

/// <summary>Values of a client's <c>grant_types</c>.</summary>
public static class GrantTypes
{
    public const string ClientCredentials = "client_credentials";
    public const string Implicit = "implicit";
}
