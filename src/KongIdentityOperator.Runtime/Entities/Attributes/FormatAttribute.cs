namespace KongIdentityOperator.Runtime.Entities.Attributes;

/// <summary>The OpenAPI format of a property (e.g. <c>uri</c>, <c>uuid</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class FormatAttribute(string format) : Attribute
{
    public string Format { get; } = format;
}
