namespace KongIdentityOperator.Runtime.Entities.Attributes;

/// <summary>Minimum and maximum number of items of a list property (-1 = unset).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ItemsAttribute(int minItems = -1, int maxItems = -1) : Attribute
{
    public int MinItems { get; } = minItems;

    public int MaxItems { get; } = maxItems;
}
