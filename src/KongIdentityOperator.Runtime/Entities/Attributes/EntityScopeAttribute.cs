namespace KongIdentityOperator.Runtime.Entities.Attributes;

/// <summary>Sets the scope of a kind; namespaced when absent.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EntityScopeAttribute(EntityScope scope = EntityScope.Namespaced) : Attribute
{
    public EntityScope Scope { get; } = scope;
}
