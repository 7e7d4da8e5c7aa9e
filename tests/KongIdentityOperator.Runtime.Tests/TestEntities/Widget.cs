using k8s.Models;
using KongIdentityOperator.Runtime.Entities;

namespace KongIdentityOperator.Runtime.Tests.TestEntities;

/// <summary>The test kind: a namespaced custom resource with a status subresource.</summary>
[KubernetesEntity(Group = Widget.Group, ApiVersion = Widget.Version, Kind = "Widget", PluralName = "widgets")]
public sealed class Widget : CustomKubernetesEntity<WidgetSpec, WidgetStatus>
{
    public const string Group = "runtime.test.example.com";
    public const string Version = "v1";

    public Widget()
    {
        ApiVersion = $"{Group}/{Version}";
        Kind = "Widget";
    }

    public static Widget Create(string ns, string name, string? value = null, string? reference = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new WidgetSpec { Value = value, Ref = reference },
    };
}
