using System.Text.Json.Serialization;
using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

[Description("The desired client.")]
[ValidationRule("has(self.clientID) == has(oldSelf.clientID) && (!has(self.clientID) || self.clientID == oldSelf.clientID)",
    "clientID is immutable (it cannot be set, changed or removed after creation)", FieldPath = ".clientID")]
[ValidationRule(SpecRules.AdoptImmutable, SpecRules.AdoptMessage, FieldPath = ".adopt")]
public sealed class ClientSpec
{
    [Required]
    [ValidationRule("self == oldSelf", "authServerRef is immutable")]
    [Description("The AuthServer (same namespace) this client belongs to.")]
    public LocalObjectReference AuthServerRef { get; set; } = new();

    [Length(1, 255)]
    [Description("Name in Konnect (unique per auth server). Default: <namespace>-<name>.")]
    public string? DisplayName { get; set; }

    [JsonPropertyName("clientID")]
    [Length(1, 36)]
    [Pattern(KonnectIds.ClientIdPattern)]
    [Description("The OAuth2 client_id. Default: derived from namespace and name (stable, at most 36 characters). Immutable.")]
    public string? ClientId { get; set; }

    [Items(1, 2)]
    [ListType("set")]
    [DefaultValue("[\"client_credentials\"]")]
    [Description("Grant types: client_credentials (machine to machine) and/or implicit.")]
    public IList<GrantType>? GrantTypes { get; set; }

    [Items(1, 4)]
    [ListType("set")]
    [DefaultValue("[\"token\"]")]
    [Description("Response types: none, token, code, id_token.")]
    public IList<ResponseType>? ResponseTypes { get; set; }

    [DefaultValue("false")]
    [Description("Allow every scope of the auth server.")]
    public bool? AllowAllScopes { get; set; }

    [Items(-1, 100)]
    [Description("Scopes (Scope objects in the same namespace) the client may request.")]
    public IList<LocalObjectReference>? AllowScopes { get; set; }

    [RangeMinimum(60)]
    [RangeMaximum(2592000)]
    [DefaultValue("300")]
    [Description("Access token lifetime in seconds (60 to 2592000).")]
    public int? AccessTokenDurationSeconds { get; set; }

    [RangeMinimum(60)]
    [RangeMaximum(2592000)]
    [DefaultValue("300")]
    [Description("ID token lifetime in seconds (60 to 2592000).")]
    public int? IdTokenDurationSeconds { get; set; }

    [DefaultValue("\"client_secret_post\"")]
    [Description("How the client authenticates at the token endpoint: client_secret_post or none.")]
    public TokenEndpointAuthMethod? TokenEndpointAuthMethod { get; set; }

    [JsonPropertyName("redirectURIs")]
    [Items(-1, 32)]
    [ValidationRule("self.all(u, u.startsWith('https://') && !u.contains('#'))", "redirect URIs must be absolute https URLs without a fragment")]
    [Description("Redirect URIs (absolute https, no fragment).")]
    public IList<string>? RedirectUris { get; set; }

    [JsonPropertyName("loginURI")]
    [Length(1, 2048)]
    [Pattern("^https://")]
    [Description("Login URI (https).")]
    public string? LoginUri { get; set; }

    [PropertyLimits(-1, KonnectLabels.MaxUserLabels)]
    [ValidationRule(KonnectLabels.KeysRule, KonnectLabels.KeysMessage)]
    [ValidationRule(KonnectLabels.ValuesRule, KonnectLabels.ValuesMessage)]
    [Description("Konnect labels of the client.")]
    public IDictionary<string, string>? Labels { get; set; }

    [Description("Bring your own client secret: a Secret key in the same namespace (key defaults to client_secret); the Secret must carry the label identity.konghq.com/referenceable: \"true\". Omitted: the operator generates a 256-bit secret.")]
    public SecretKeyReference? ClientSecretRef { get; set; }

    [Description("The Secret the operator writes the credentials to.")]
    public ClientSecretOutput? Secret { get; set; }

    [DefaultValue("\"Delete\"")]
    [Description("Delete (default) removes the client from Konnect when this object is deleted; Orphan leaves it and keeps the credentials Secret.")]
    public DeletionPolicy? DeletionPolicy { get; set; }

    [Description("Manage an existing client (by client id) instead of creating one. Its secret is replaced by one the operator controls.")]
    public ClientAdoptSpec? Adopt { get; set; }
}
