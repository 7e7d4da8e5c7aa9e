using System.Text;
using System.Text.Json;

namespace KongIdentityOperator.Sandbox.Konnect;

/// <summary>
/// A plugin of a control plane. <see cref="Config"/> is the stored config with schema defaults; in the in-process
/// snapshot it includes credentials (as Konnect's GET does), in <c>GET /_emulator/state</c> secret fields are removed.
/// It is never part of ToString output.
/// </summary>
public sealed record PluginSnapshot(
    string Id,
    string Name,
    bool Enabled,
    string? ServiceId,
    string? RouteId,
    string? InstanceName,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Protocols,
    JsonElement Config)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", Name = ").Append(Name).Append(", Enabled = ").Append(Enabled)
            .Append(", ServiceId = ").Append(ServiceId).Append(", RouteId = ").Append(RouteId).Append(", Config = ***");
        return true;
    }
}
