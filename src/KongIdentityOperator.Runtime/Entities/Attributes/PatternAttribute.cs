namespace KongIdentityOperator.Runtime.Entities.Attributes;

/// <summary>A regular expression a string property must match.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PatternAttribute(string pattern) : Attribute
{
    public string Pattern { get; } = pattern;
}
