namespace KongIdentityOperator.Konnect.Identity;

/// <summary>Values of a client's <c>response_types</c>.</summary>
public static class ResponseTypes
{
    public const string None = "none";
    public const string Token = "token";
    public const string Code = "code";
    public const string IdToken = "id_token";
}
