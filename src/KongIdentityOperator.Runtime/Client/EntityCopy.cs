using k8s;

namespace KongIdentityOperator.Runtime.Client;

/// <summary>Deep copies through the wire format, so that cached objects are never shared with callers that mutate.</summary>
internal static class EntityCopy
{
    public static TEntity Clone<TEntity>(TEntity entity)
        where TEntity : class
        => KubernetesJson.Deserialize<TEntity>(KubernetesJson.Serialize(entity));
}
