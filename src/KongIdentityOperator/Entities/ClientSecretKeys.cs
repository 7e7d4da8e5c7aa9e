using System.Text.Json.Serialization;
using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

[Description("Key names of the credentials Secret.")]
[ValidationRule("self.clientID != self.clientSecret && self.clientID != self.issuer && self.clientID != self.tokenEndpoint && self.clientID != self.scopes && self.clientID != self.audience && self.clientSecret != self.issuer && self.clientSecret != self.tokenEndpoint && self.clientSecret != self.scopes && self.clientSecret != self.audience && self.issuer != self.tokenEndpoint && self.issuer != self.scopes && self.issuer != self.audience && self.tokenEndpoint != self.scopes && self.tokenEndpoint != self.audience && self.scopes != self.audience",
    "key names must be distinct")]
public sealed class ClientSecretKeys
{
    private const string KeyPattern = "^[-._a-zA-Z0-9]+$";

    [JsonPropertyName("clientID")]
    [Length(1, 253)]
    [Pattern(KeyPattern)]
    [Description("Key of the OAuth2 client_id.")]
    [DefaultValue("\"client_id\"")]
    public string? ClientId { get; set; }

    [Length(1, 253)]
    [Pattern(KeyPattern)]
    [Description("Key of the client secret.")]
    [DefaultValue("\"client_secret\"")]
    public string? ClientSecret { get; set; }

    [Length(1, 253)]
    [Pattern(KeyPattern)]
    [Description("Key of the issuer URL.")]
    [DefaultValue("\"issuer\"")]
    public string? Issuer { get; set; }

    [Length(1, 253)]
    [Pattern(KeyPattern)]
    [Description("Key of the token endpoint URL (issuer + /oauth/token).")]
    [DefaultValue("\"token_endpoint\"")]
    public string? TokenEndpoint { get; set; }

    [Length(1, 253)]
    [Pattern(KeyPattern)]
    [Description("Key of the space-separated scope names the client may request.")]
    [DefaultValue("\"scopes\"")]
    public string? Scopes { get; set; }

    [Length(1, 253)]
    [Pattern(KeyPattern)]
    [Description("Key of the audience (aud) of the tokens.")]
    [DefaultValue("\"audience\"")]
    public string? Audience { get; set; }
}
