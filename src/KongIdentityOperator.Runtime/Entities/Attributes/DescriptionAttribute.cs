namespace KongIdentityOperator.Runtime.Entities.Attributes;

/// <summary>The schema description of a kind or property.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property)]
public sealed class DescriptionAttribute(string description) : Attribute
{
    public string Description { get; } = description;
}
