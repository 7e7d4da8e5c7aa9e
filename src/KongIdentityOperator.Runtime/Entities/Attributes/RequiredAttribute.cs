namespace KongIdentityOperator.Runtime.Entities.Attributes;

/// <summary>Marks a property as required in its parent object.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredAttribute : Attribute;
