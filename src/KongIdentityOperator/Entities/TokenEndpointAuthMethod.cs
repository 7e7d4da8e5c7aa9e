using System.Text.Json.Serialization;

namespace KongIdentityOperator.Entities;

/// <summary>How a client authenticates at the token endpoint.</summary>
public enum TokenEndpointAuthMethod
{
    [JsonStringEnumMemberName("client_secret_post")]
    ClientSecretPost,

    [JsonStringEnumMemberName("none")]
    None,
}
