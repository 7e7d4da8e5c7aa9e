using System.Text.Json.Serialization;
using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

[Description("The observed claim.")]
public sealed class ClaimStatus : ConditionedStatus, IMarkedChildStatus
{
    [JsonPropertyName("authServerID")]
    [Description("Konnect id of the auth server.")]
    public string? AuthServerId { get; set; }

    [Description("Set before the operator asks Konnect to create the claim, so that a crash right after is recovered instead of creating a second one.")]
    public DateTime? CreateRequestedAt { get; set; }
}
