namespace KongIdentityOperator.Runtime.Entities.Attributes;

/// <summary>The schema default of a property, as JSON (e.g. <c>"\"Delete\""</c>, <c>"300"</c>, <c>"{}"</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DefaultValueAttribute(string json) : Attribute
{
    public string Json { get; } = json;
}
