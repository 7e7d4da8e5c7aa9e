using System.Text.Json.Serialization;

namespace KongIdentityOperator.Entities;

/// <summary>How the gateway authenticates to the token endpoint.</summary>
public enum UpstreamAuthMethod
{
    [JsonStringEnumMemberName("client_secret_post")]
    ClientSecretPost,

    [JsonStringEnumMemberName("client_secret_basic")]
    ClientSecretBasic,
}
