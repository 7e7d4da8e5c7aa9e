namespace KongIdentityOperator.Runtime.Entities.Attributes;

/// <summary>The inclusive (or exclusive) maximum of a numeric property.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RangeMaximumAttribute(double maximum, bool exclusive = false) : Attribute
{
    public double Maximum { get; } = maximum;

    public bool Exclusive { get; } = exclusive;
}
