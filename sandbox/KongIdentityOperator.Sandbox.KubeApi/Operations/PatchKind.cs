namespace KongIdentityOperator.Sandbox.KubeApi.Operations;

/// <summary>The patch formats, by Content-Type.</summary>
internal enum PatchKind
{
    /// <summary><c>application/merge-patch+json</c> (RFC 7386).</summary>
    Merge,

    /// <summary><c>application/json-patch+json</c> (RFC 6902).</summary>
    Json,

    /// <summary><c>application/strategic-merge-patch+json</c> (built-ins only).</summary>
    StrategicMerge,

    /// <summary><c>application/apply-patch+yaml</c> (server-side apply).</summary>
    Apply,
}
