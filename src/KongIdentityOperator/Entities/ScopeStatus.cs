using System.Text.Json.Serialization;
using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

[Description("The observed scope.")]
public sealed class ScopeStatus : ConditionedStatus, IMarkedChildStatus
{
    [JsonPropertyName("authServerID")]
    [Description("Konnect id of the auth server.")]
    public string? AuthServerId { get; set; }

    [Description("The scope string in Konnect (spec.name or metadata.name).")]
    public string? Name { get; set; }

    [Description("Set before the operator asks Konnect to create the scope, so that a crash right after is recovered by name instead of creating a second one.")]
    public DateTime? CreateRequestedAt { get; set; }
}
