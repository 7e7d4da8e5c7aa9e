namespace KongIdentityOperator.Runtime.Entities.Attributes;

/// <summary>Categories a kind belongs to (<c>kubectl get kong-identity</c>).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class KubernetesEntityCategoriesAttribute(params string[] categories) : Attribute
{
    public IReadOnlyList<string> Categories { get; } = categories;
}
