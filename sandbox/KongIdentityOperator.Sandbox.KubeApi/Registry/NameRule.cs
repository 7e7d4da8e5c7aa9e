namespace KongIdentityOperator.Sandbox.KubeApi.Registry;

/// <summary>How a resource's object names are validated.</summary>
internal enum NameRule
{
    /// <summary>DNS-1123 subdomain (most kinds, all custom resources).</summary>
    Subdomain,

    /// <summary>DNS-1123 label (namespaces).</summary>
    Label,

    /// <summary>Any path segment (RBAC kinds, whose names hold ':').</summary>
    PathSegment,
}
