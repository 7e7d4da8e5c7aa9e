using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>
/// A plugin instance; scope is global unless <see cref="ServiceId"/>, <see cref="RouteId"/>, consumer or consumer group is set.
/// <see cref="Config"/> may hold secrets (e.g. <c>config.oauth.client_secret</c>), so it is left out of ToString.
/// </summary>
internal sealed record Plugin(
    Guid Id,
    long Sequence,
    string Name,
    string? InstanceName,
    JsonElement Config,
    bool Enabled,
    ImmutableArray<string> Protocols,
    ImmutableArray<string>? Tags,
    Guid? ServiceId,
    Guid? RouteId,
    string? ConsumerId,
    string? ConsumerGroupId,
    JsonElement? Ordering,
    JsonElement? Partials,
    string? Condition,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Kong allows one plugin of a name per scope (its cache key).</summary>
    public bool SameScopeAs(Plugin other) =>
        ServiceId == other.ServiceId && RouteId == other.RouteId && ConsumerId == other.ConsumerId && ConsumerGroupId == other.ConsumerGroupId;

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", Name = ").Append(Name).Append(", ServiceId = ").Append(ServiceId)
            .Append(", RouteId = ").Append(RouteId).Append(", Config = ***");
        return true;
    }
}
