using System.Text.Json.Nodes;

namespace KongIdentityOperator.Konnect.CoreEntities;

/// <summary>
/// Body of a plugin POST or PUT (a full replace: unset fields take the plugin's defaults). The parent service or
/// route comes from the <see cref="PluginScope"/>, not from this body.
/// </summary>
/// <param name="Name">The plugin name, e.g. <c>upstream-oauth</c>.</param>
/// <remarks><see cref="ToString"/> leaves out <see cref="Config"/>, which may hold secrets.</remarks>
public sealed record PluginUpsert(string Name)
{
    /// <summary>Free-form plugin configuration.</summary>
    public JsonObject? Config { get; init; }

    public bool? Enabled { get; init; }

    public string? InstanceName { get; init; }

    public IReadOnlyList<string>? Protocols { get; init; }

    /// <summary>Tags, e.g. to mark the operator's ownership and find its plugins with a tag filter.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    public JsonObject? Ordering { get; init; }

    public JsonArray? Partials { get; init; }

    public string? Condition { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"PluginUpsert {{ Name = {Name}, Enabled = {Enabled}, Tags = [{string.Join(", ", Tags ?? [])}] }}";
}
