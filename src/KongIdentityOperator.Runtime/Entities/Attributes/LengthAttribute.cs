namespace KongIdentityOperator.Runtime.Entities.Attributes;

/// <summary>Minimum and maximum length of a string property (-1 = unset).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class LengthAttribute(int minLength = -1, int maxLength = -1) : Attribute
{
    public int MinLength { get; } = minLength;

    public int MaxLength { get; } = maxLength;
}
