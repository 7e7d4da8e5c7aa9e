namespace KongIdentityOperator.Sandbox.Konnect;

/// <summary>A route of a control plane.</summary>
public sealed record RouteSnapshot(string Id, string? Name, string? ServiceId, IReadOnlyList<string> Paths, IReadOnlyList<string> Tags);
