using KongIdentityOperator.Sandbox.KubeApi.Registry;

namespace KongIdentityOperator.Sandbox.KubeApi.Storage;

/// <summary>Where one object lives: group, plural, namespace ("" when cluster-scoped) and name.</summary>
internal readonly record struct ObjectKey(string Group, string Plural, string Namespace, string Name)
{
    public ObjectKey(ResourceKey resource, string @namespace, string name)
        : this(resource.Group, resource.Plural, @namespace, name)
    {
    }

    public ResourceKey Resource => new(Group, Plural);
}
