using System.Text.Json.Serialization;

namespace KongIdentityOperator.Entities;

/// <summary>OAuth2 grant types a Kong Identity client may use.</summary>
public enum GrantType
{
    [JsonStringEnumMemberName("client_credentials")]
    ClientCredentials,

    [JsonStringEnumMemberName("implicit")]
    Implicit,
}
