using KongIdentityOperator.Mapping;

namespace KongIdentityOperator.References;

/// <summary>Where a policy's plugin goes: the control plane's id and the target (global, a service or a route).</summary>
internal sealed record ResolvedTarget(string ControlPlaneId, PluginTarget Target);
