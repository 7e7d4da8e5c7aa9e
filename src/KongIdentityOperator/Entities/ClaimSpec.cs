using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

[Description("The desired claim.")]
[ValidationRule("!(has(self.includeInAllScopes) && self.includeInAllScopes && has(self.includeInScopes) && size(self.includeInScopes) > 0)",
    "includeInScopes must be empty when includeInAllScopes is true", FieldPath = ".includeInScopes")]
[ValidationRule(SpecRules.AdoptImmutable, SpecRules.AdoptMessage, FieldPath = ".adopt")]
public sealed class ClaimSpec
{
    [Required]
    [ValidationRule("self == oldSelf", "authServerRef is immutable")]
    [Description("The AuthServer (same namespace) this claim belongs to.")]
    public LocalObjectReference AuthServerRef { get; set; } = new();

    [Required]
    [Length(1, 255)]
    [Description("Claim name in the JWT (case-sensitive).")]
    public string Name { get; set; } = string.Empty;

    [Required]
    [Length(1, 4096)]
    [Description("Static value (valid JSON becomes JSON in the token) or a template such as ${ .Client.Name }.")]
    public string Value { get; set; } = string.Empty;

    [DefaultValue("false")]
    [Description("Put the claim in access tokens (otherwise only /userinfo serves it).")]
    public bool? IncludeInToken { get; set; }

    [DefaultValue("false")]
    [Description("Include the claim whatever scopes are requested.")]
    public bool? IncludeInAllScopes { get; set; }

    [Items(-1, 100)]
    [Description("Scopes (Scope objects in the same namespace) that bring this claim into the token.")]
    public IList<LocalObjectReference>? IncludeInScopes { get; set; }

    [DefaultValue("true")]
    [Description("A disabled claim is left out of tokens and /userinfo.")]
    public bool? Enabled { get; set; }

    [DefaultValue("\"Delete\"")]
    [Description("Delete (default) removes the claim from Konnect when this object is deleted; Orphan leaves it.")]
    public DeletionPolicy? DeletionPolicy { get; set; }

    [Description("Manage an existing claim (by Konnect id) instead of creating one.")]
    public AdoptSpec? Adopt { get; set; }
}
