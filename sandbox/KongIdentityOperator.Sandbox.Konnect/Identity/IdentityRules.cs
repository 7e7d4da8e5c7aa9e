using System.Text.RegularExpressions;

namespace KongIdentityOperator.Sandbox.Konnect.Identity;

/// <summary>Enumerations, ranges and patterns of the Kong Identity v1 schema.</summary>
internal static partial class IdentityRules
{
    public const int MinTokenDuration = 60;

    public const int MaxTokenDuration = 2_592_000;

    public const int DefaultTokenDuration = 300;

    public const int MaxClientIdLength = 36;

    public const int MaxTrustedOrigins = 16;

    public static readonly IReadOnlyList<string> SigningAlgorithms = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"];

    public static readonly IReadOnlyList<string> GrantTypes = ["client_credentials", "implicit"];

    public static readonly IReadOnlyList<string> ResponseTypes = ["none", "token", "code", "id_token"];

    public static readonly IReadOnlyList<string> TokenEndpointAuthMethods = ["client_secret_post", "none"];

    public static readonly IReadOnlyList<string> ForceValues = ["true", "false"];

    /// <summary>The spec's <c>[-_\w]+</c>, with Go's ASCII meaning of <c>\w</c>.</summary>
    [GeneratedRegex("^[-_0-9A-Za-z]+$")]
    public static partial Regex ClientIdPattern();
}
