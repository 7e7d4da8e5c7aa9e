namespace KongIdentityOperator.Konnect.Identity;

/// <summary>Values of an auth server's <c>signing_algorithm</c>.</summary>
public static class SigningAlgorithms
{
    public const string RS256 = "RS256";
    public const string RS384 = "RS384";
    public const string RS512 = "RS512";
    public const string PS256 = "PS256";
    public const string PS384 = "PS384";
    public const string PS512 = "PS512";
}
