using System.Text.Json.Nodes;

namespace KongIdentityOperator.Konnect.CoreEntities;

/// <summary>A plugin of a control plane as Konnect returns it.</summary>
/// <remarks><see cref="ToString"/> leaves out <see cref="Config"/>, which may hold secrets (e.g. <c>config.oauth.client_secret</c>).</remarks>
public sealed record Plugin
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    /// <summary>Free-form plugin configuration, as stored (defaults filled in by Konnect).</summary>
    public JsonObject? Config { get; init; }

    public bool Enabled { get; init; } = true;

    public string? InstanceName { get; init; }

    public IReadOnlyList<string>? Protocols { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public JsonObject? Ordering { get; init; }

    public JsonArray? Partials { get; init; }

    public string? Condition { get; init; }

    public EntityReference? Service { get; init; }

    public EntityReference? Route { get; init; }

    public EntityReference? Consumer { get; init; }

    public EntityReference? ConsumerGroup { get; init; }

    /// <summary>Unix epoch seconds.</summary>
    public long? CreatedAt { get; init; }

    /// <summary>Unix epoch seconds.</summary>
    public long? UpdatedAt { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"Plugin {{ Id = {Id}, Name = {Name}, Enabled = {Enabled}, Service = {Service?.Id}, Route = {Route?.Id}, Tags = [{string.Join(", ", Tags ?? [])}] }}";
}
