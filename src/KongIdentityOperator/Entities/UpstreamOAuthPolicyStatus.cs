using System.Text.Json.Serialization;
using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

[Description("The observed plugin. status.id is the plugin id.")]
public sealed class UpstreamOAuthPolicyStatus : ConditionedStatus
{
    [JsonPropertyName("controlPlaneID")]
    [Description("Konnect id of the control plane.")]
    public string? ControlPlaneId { get; set; }

    [JsonPropertyName("targetID")]
    [Description("Konnect id of the gateway service or route, when the plugin is not global.")]
    public string? TargetId { get; set; }

    [Description("The Client credentials version (Client status.secretVersion) last pushed to the plugin.")]
    public string? ClientSecretVersion { get; set; }
}
