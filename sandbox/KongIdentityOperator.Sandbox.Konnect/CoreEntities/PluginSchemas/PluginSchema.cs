using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities.PluginSchemas;

/// <summary>What the emulator knows of a plugin: its config record, allowed protocols and entity checks.</summary>
internal sealed record PluginSchema(
    string Name,
    RecordField Config,
    IReadOnlyList<string> Protocols,
    Func<JsonObject, IEnumerable<CoreErrorDetail>> EntityChecks);
