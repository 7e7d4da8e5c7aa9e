namespace KongIdentityOperator.Sandbox.KubeApi.Registry;

/// <summary>A resource independent of its version: what storage is keyed by (one stored copy for all versions).</summary>
internal readonly record struct ResourceKey(string Group, string Plural);
