namespace KongIdentityOperator.Sandbox.KubeApi.Http;

/// <summary>What the client's Accept header asks the object or list to be rendered as.</summary>
internal enum ResponseShape
{
    /// <summary>The object (or <c>&lt;Kind&gt;List</c>) itself.</summary>
    Object,

    /// <summary>A <c>meta.k8s.io/v1 Table</c> (kubectl get).</summary>
    Table,

    /// <summary><c>PartialObjectMetadata</c> / <c>PartialObjectMetadataList</c> (metadata-only clients).</summary>
    PartialObjectMetadata,
}
