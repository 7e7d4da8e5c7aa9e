namespace KongIdentityOperator.Runtime.Entities.Attributes;

/// <summary>Short names of a kind (<c>kubectl get as</c>).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class KubernetesEntityShortNamesAttribute(params string[] shortNames) : Attribute
{
    public IReadOnlyList<string> ShortNames { get; } = shortNames;
}
