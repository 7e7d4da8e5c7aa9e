namespace KongIdentityOperator.Runtime.Entities.Attributes;

/// <summary>The inclusive (or exclusive) minimum of a numeric property.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RangeMinimumAttribute(double minimum, bool exclusive = false) : Attribute
{
    public double Minimum { get; } = minimum;

    public bool Exclusive { get; } = exclusive;
}
