namespace KongIdentityOperator.Sandbox.Konnect;

/// <summary>A gateway service of a control plane.</summary>
public sealed record GatewayServiceSnapshot(string Id, string? Name, string Host, int Port, string Protocol, string? Path, IReadOnlyList<string> Tags);
