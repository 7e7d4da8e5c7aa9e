namespace KongIdentityOperator.Runtime.Entities.Attributes;

/// <summary>Minimum and maximum number of entries of a map property (-1 = unset).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PropertyLimitsAttribute(int minProperties = -1, int maxProperties = -1) : Attribute
{
    public int MinProperties { get; } = minProperties;

    public int MaxProperties { get; } = maxProperties;
}
