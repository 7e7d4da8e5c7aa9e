namespace KongIdentityOperator.Sandbox.Konnect.Hooks;

/// <summary>The body of <c>GET /_emulator/requests</c>.</summary>
internal sealed record RequestCounts(long Total, IReadOnlyDictionary<string, long> ByRoute, IReadOnlyDictionary<int, long> ByStatus);
