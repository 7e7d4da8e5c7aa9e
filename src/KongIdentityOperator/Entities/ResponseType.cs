using System.Text.Json.Serialization;

namespace KongIdentityOperator.Entities;

/// <summary>OAuth2 response types a Kong Identity client may use.</summary>
public enum ResponseType
{
    [JsonStringEnumMemberName("none")]
    None,

    [JsonStringEnumMemberName("token")]
    Token,

    [JsonStringEnumMemberName("code")]
    Code,

    [JsonStringEnumMemberName("id_token")]
    IdToken,
}
