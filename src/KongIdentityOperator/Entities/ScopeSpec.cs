using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

[Description("The desired scope.")]
[ValidationRule(SpecRules.AdoptImmutable, SpecRules.AdoptMessage, FieldPath = ".adopt")]
public sealed class ScopeSpec
{
    [Required]
    [ValidationRule("self == oldSelf", "authServerRef is immutable")]
    [Description("The AuthServer (same namespace) this scope belongs to.")]
    public LocalObjectReference AuthServerRef { get; set; } = new();

    [Length(1, 255)]
    [Pattern("^[^\\s]+$")]
    [Description("The scope string clients request (unique per auth server). Default: metadata.name.")]
    public string? Name { get; set; }

    [Length(-1, 1024)]
    [Description("Free-text description.")]
    public string? Description { get; set; }

    [DefaultValue("false")]
    [Description("Put the scope in tokens without being requested (when the client is allowed it).")]
    public bool? Default { get; set; }

    [DefaultValue("false")]
    [Description("List the scope in the discovery document's scopes_supported.")]
    public bool? IncludeInMetadata { get; set; }

    [DefaultValue("true")]
    [Description("A disabled scope cannot be requested and is left out of tokens.")]
    public bool? Enabled { get; set; }

    [DefaultValue("\"Delete\"")]
    [Description("Delete (default) removes the scope from Konnect when this object is deleted; Orphan leaves it.")]
    public DeletionPolicy? DeletionPolicy { get; set; }

    [Description("Manage an existing scope (by Konnect id) instead of creating one.")]
    public AdoptSpec? Adopt { get; set; }
}
