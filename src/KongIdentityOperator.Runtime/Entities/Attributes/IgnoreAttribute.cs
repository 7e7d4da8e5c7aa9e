namespace KongIdentityOperator.Runtime.Entities.Attributes;

/// <summary>Leaves a property out of the generated schema.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class IgnoreAttribute : Attribute;
