using System.Text.Json.Serialization;

namespace KongIdentityOperator.Entities;

/// <summary>Konnect regions; each has its own API host.</summary>
public enum KonnectRegion
{
    [JsonStringEnumMemberName("us")]
    Us,

    [JsonStringEnumMemberName("eu")]
    Eu,

    [JsonStringEnumMemberName("au")]
    Au,

    [JsonStringEnumMemberName("me")]
    Me,

    [JsonStringEnumMemberName("in")]
    In,

    [JsonStringEnumMemberName("sg")]
    Sg,
}
