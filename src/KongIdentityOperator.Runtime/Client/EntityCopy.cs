namespace KongIdentityOperator.Runtime.Client;

/// <summary>
/// Deep copies through the wire format, so that cached objects are never shared with callers that mutate. It uses the
/// runtime's serializer options, which hold type information for every kind and field a Native AOT build meets.
/// </summary>
public static class EntityCopy
{
    // UTF-8 bytes rather than a string: half the size and no transcoding, with KubernetesClient's own converters.
    public static TEntity Clone<TEntity>(TEntity entity)
        where TEntity : class
        => KubernetesJsonOptions.Deserialize<TEntity>(KubernetesJsonOptions.SerializeToUtf8Bytes(entity));
}
