using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

[Description("The desired auth server.")]
[ValidationRule(SpecRules.KonnectLocationImmutable, SpecRules.KonnectLocationMessage, FieldPath = ".konnect")]
[ValidationRule(SpecRules.AdoptImmutable, SpecRules.AdoptMessage, FieldPath = ".adopt")]
public sealed class AuthServerSpec
{
    [Length(1, 255)]
    [Description("Name in Konnect (unique per region). Default: <namespace>-<name>.")]
    public string? DisplayName { get; set; }

    [Required]
    [Length(1, 2048)]
    [Description("Audience of the tokens this server issues (the aud claim), e.g. http://myhttpbin.dev.")]
    public string Audience { get; set; } = string.Empty;

    [Length(-1, 1024)]
    [Description("Free-text description.")]
    public string? Description { get; set; }

    [DefaultValue("\"RS256\"")]
    [Description("Algorithm the server signs tokens with.")]
    public SigningAlgorithm? SigningAlgorithm { get; set; }

    [PropertyLimits(-1, KonnectLabels.MaxUserLabels)]
    [ValidationRule(KonnectLabels.KeysRule, KonnectLabels.KeysMessage)]
    [ValidationRule(KonnectLabels.ValuesRule, KonnectLabels.ValuesMessage)]
    [Description("Konnect labels of the auth server.")]
    public IDictionary<string, string>? Labels { get; set; }

    [Items(-1, 16)]
    [ListType("set")]
    [Description("Origins allowed to call the server from a browser (CORS), e.g. https://app.example.com.")]
    public IList<string>? TrustedOrigins { get; set; }

    [Description("Konnect region or server URL and token. Omitted: the operator's defaults.")]
    public KonnectSettings? Konnect { get; set; }

    [DefaultValue("\"Delete\"")]
    [Description("Delete (default) removes the auth server from Konnect when this object is deleted; Orphan leaves it.")]
    public DeletionPolicy? DeletionPolicy { get; set; }

    [Description("Manage an existing auth server (by Konnect id) instead of creating one.")]
    public AdoptSpec? Adopt { get; set; }
}
