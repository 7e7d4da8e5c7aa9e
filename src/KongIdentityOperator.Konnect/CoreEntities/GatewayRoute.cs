namespace KongIdentityOperator.Konnect.CoreEntities;

/// <summary>A gateway route of a control plane (the fields the operator needs; others are ignored).</summary>
public sealed record GatewayRoute
{
    public string Id { get; init; } = "";

    public string? Name { get; init; }

    public IReadOnlyList<string>? Paths { get; init; }

    public IReadOnlyList<string>? Hosts { get; init; }

    public IReadOnlyList<string>? Methods { get; init; }

    public IReadOnlyList<string>? Protocols { get; init; }

    /// <summary>Set for expression routes.</summary>
    public string? Expression { get; init; }

    public EntityReference? Service { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Unix epoch seconds.</summary>
    public long? CreatedAt { get; init; }

    /// <summary>Unix epoch seconds.</summary>
    public long? UpdatedAt { get; init; }
}
