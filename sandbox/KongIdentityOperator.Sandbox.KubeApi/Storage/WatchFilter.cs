using KongIdentityOperator.Sandbox.KubeApi.Registry;
using KongIdentityOperator.Sandbox.KubeApi.Selectors;

namespace KongIdentityOperator.Sandbox.KubeApi.Storage;

/// <summary>Which objects a watch or list sees: one resource, optionally one namespace, and selectors.</summary>
internal sealed record WatchFilter(ResourceKey Resource, string? Namespace, LabelSelector Labels, FieldSelector Fields)
{
    public bool Matches(StoredObject obj) =>
        obj.Key.Resource == Resource &&
        (Namespace is null || obj.Key.Namespace == Namespace) &&
        Labels.Matches(obj.Labels) &&
        (Fields.IsEmpty || Fields.Matches(obj.FieldValue));
}
