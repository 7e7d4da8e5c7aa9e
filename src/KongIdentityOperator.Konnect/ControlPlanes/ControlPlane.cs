namespace KongIdentityOperator.Konnect.ControlPlanes;

/// <summary>A gateway control plane as Konnect returns it.</summary>
public sealed record ControlPlane
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public ControlPlaneConfig? Config { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
