namespace KongIdentityOperator.Konnect.CoreEntities;

/// <summary>A gateway service of a control plane (the fields the operator needs; others are ignored).</summary>
public sealed record GatewayService
{
    public string Id { get; init; } = "";

    public string? Name { get; init; }

    public string? Host { get; init; }

    public int? Port { get; init; }

    public string? Protocol { get; init; }

    public string? Path { get; init; }

    public bool Enabled { get; init; } = true;

    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Unix epoch seconds.</summary>
    public long? CreatedAt { get; init; }

    /// <summary>Unix epoch seconds.</summary>
    public long? UpdatedAt { get; init; }
}
