using System.Text;
using System.Text.Json;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities;

/// <summary>The <c>Plugin</c> schema as the core-entities API returns it (config as stored, defaults filled).</summary>
internal sealed record PluginResponse(
    Guid Id,
    string Name,
    string? InstanceName,
    JsonElement Config,
    bool Enabled,
    IReadOnlyList<string> Protocols,
    IReadOnlyList<string>? Tags,
    ForeignKey? Service,
    ForeignKey? Route,
    ForeignKey? Consumer,
    ForeignKey? ConsumerGroup,
    JsonElement? Ordering,
    JsonElement? Partials,
    string? Condition,
    long CreatedAt,
    long UpdatedAt)
{
    public static PluginResponse From(Plugin plugin) => new(
        plugin.Id,
        plugin.Name,
        plugin.InstanceName,
        plugin.Config,
        plugin.Enabled,
        plugin.Protocols,
        plugin.Tags,
        Key(plugin.ServiceId?.ToString()),
        Key(plugin.RouteId?.ToString()),
        Key(plugin.ConsumerId),
        Key(plugin.ConsumerGroupId),
        plugin.Ordering,
        plugin.Partials,
        plugin.Condition,
        plugin.CreatedAt.ToUnixTimeSeconds(),
        plugin.UpdatedAt.ToUnixTimeSeconds());

    private static ForeignKey? Key(string? id) => id is null ? null : new ForeignKey(id);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", Name = ").Append(Name).Append(", Config = ***");
        return true;
    }
}
