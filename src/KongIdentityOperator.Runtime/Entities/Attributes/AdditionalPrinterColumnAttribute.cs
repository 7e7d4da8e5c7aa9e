namespace KongIdentityOperator.Runtime.Entities.Attributes;

/// <summary>A printer column for <c>kubectl get</c>, declared on the entity class with its JSON path.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class AdditionalPrinterColumnAttribute(string name, string type, string jsonPath) : Attribute
{
    public string Name { get; } = name;

    /// <summary>string, integer, number, boolean or date.</summary>
    public string Type { get; } = type;

    public string JsonPath { get; } = jsonPath;

    public string? Description { get; init; }

    /// <summary>0 shows in the default view; higher only with <c>-o wide</c>.</summary>
    public int Priority { get; init; }
}
