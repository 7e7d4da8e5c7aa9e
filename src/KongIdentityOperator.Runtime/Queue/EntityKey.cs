using k8s;
using k8s.Models;

namespace KongIdentityOperator.Runtime.Queue;

/// <summary>Identifies an object of a known kind by namespace and name (<c>ns/name</c>, or <c>name</c> when cluster-scoped).</summary>
public readonly record struct EntityKey
{
    public EntityKey(string? @namespace, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Namespace = string.IsNullOrEmpty(@namespace) ? null : @namespace;
        Name = name;
    }

    public string? Namespace { get; }

    public string Name { get; }

    public static EntityKey From(IKubernetesObject<V1ObjectMeta> entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new EntityKey(entity.Metadata?.NamespaceProperty, entity.Metadata?.Name ?? string.Empty);
    }

    /// <summary>Parses <c>ns/name</c> or <c>name</c>.</summary>
    public static EntityKey Parse(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? new EntityKey(null, key) : new EntityKey(key[..slash], key[(slash + 1)..]);
    }

    public override string ToString() => Namespace is null ? Name : $"{Namespace}/{Name}";
}
