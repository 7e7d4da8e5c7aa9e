using System.Text.Json.Serialization;
using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

[Description("The observed client. status.id is the OAuth2 client_id.")]
public sealed class ClientStatus : ConditionedStatus
{
    [JsonPropertyName("authServerID")]
    [Description("Konnect id of the auth server.")]
    public string? AuthServerId { get; set; }

    [Description("Name of the Secret holding the credentials.")]
    public string? SecretName { get; set; }

    [Description("Opaque version of the credentials last registered in Konnect; changes on every rotation or heal.")]
    public string? SecretVersion { get; set; }

    [Description("When the current client secret was issued.")]
    public DateTime? SecretRotatedAt { get; set; }

    [Description("The last value of the identity.konghq.com/rotate-secret annotation that was acted on.")]
    public string? RotationRequest { get; set; }

    [JsonPropertyName("secretID")]
    [Description("Konnect id of the client secret that status.secretVersion holds.")]
    public string? SecretId { get; set; }

    [JsonPropertyName("previousSecretID")]
    [Description("Konnect id of the replaced client secret, kept valid until previousSecretExpiresAt so that its readers can move on.")]
    public string? PreviousSecretId { get; set; }

    [Description("When the replaced client secret is deleted from Konnect (the end of spec.secret.rotationGracePeriod).")]
    public DateTime? PreviousSecretExpiresAt { get; set; }
}
