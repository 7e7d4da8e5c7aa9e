using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

[Description("The desired upstream-oauth plugin.")]
[ValidationRule(SpecRules.KonnectLocationImmutable, SpecRules.KonnectLocationMessage, FieldPath = ".konnect")]
[ValidationRule(SpecRules.AdoptImmutable, SpecRules.AdoptMessage, FieldPath = ".adopt")]
public sealed class UpstreamOAuthPolicySpec
{
    [Required]
    [Description("The Konnect control plane, by name or id.")]
    public ObjectRefByNameOrId ControlPlaneRef { get; set; } = new();

    [Description("A gateway service or route; omitted means the plugin applies to the whole control plane.")]
    public PolicyTarget? Target { get; set; }

    [Required]
    [Description("The Client (same namespace) whose credentials the gateway uses.")]
    public LocalObjectReference ClientRef { get; set; } = new();

    [Items(-1, 100)]
    [Description("Scopes (Scope objects in the same namespace) to request; their names go into config.oauth.scopes.")]
    public IList<LocalObjectReference>? Scopes { get; set; }

    [Items(-1, 20)]
    [Description("Audiences to request (config.oauth.audience).")]
    public IList<string>? Audience { get; set; }

    [DefaultValue("true")]
    [Description("Whether the plugin is enabled.")]
    public bool? Enabled { get; set; }

    [Description("Token request settings (config.client).")]
    public PolicyClientSettings? Client { get; set; }

    [Description("Token cache settings (config.cache).")]
    public PolicyCacheSettings? Cache { get; set; }

    [Description("Behaviour settings (config.behavior).")]
    public PolicyBehaviorSettings? Behavior { get; set; }

    [Description("Konnect region or server URL and token for the control plane. Omitted: those of the Client's AuthServer.")]
    public KonnectSettings? Konnect { get; set; }

    [DefaultValue("\"Delete\"")]
    [Description("Delete (default) removes the plugin when this object is deleted; Orphan leaves it.")]
    public DeletionPolicy? DeletionPolicy { get; set; }

    [Description("Manage an existing upstream-oauth plugin (by plugin id) instead of creating one.")]
    public AdoptSpec? Adopt { get; set; }
}
