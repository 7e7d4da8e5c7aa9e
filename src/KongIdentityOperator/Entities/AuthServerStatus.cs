using System.Text.Json.Serialization;
using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

[Description("The observed auth server.")]
public sealed class AuthServerStatus : ConditionedStatus
{
    [Description("Issuer URL of the server (the iss claim).")]
    public string? Issuer { get; set; }

    [JsonPropertyName("metadataURI")]
    [Description("OpenID discovery document URL.")]
    public string? MetadataUri { get; set; }

    [JsonPropertyName("jwksURI")]
    [Description("JSON Web Key Set URL.")]
    public string? JwksUri { get; set; }

    [Description("OAuth2 token endpoint: issuer + /oauth/token.")]
    public string? TokenEndpoint { get; set; }
}
