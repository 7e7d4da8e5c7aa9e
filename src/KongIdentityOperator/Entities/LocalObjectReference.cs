using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

/// <summary>A reference by name to an object in the same namespace.</summary>
[Description("A reference by name to an object in the same namespace.")]
public sealed class LocalObjectReference
{
    [Required]
    [Length(1, 253)]
    [Description("Name of the object, in the same namespace.")]
    public string Name { get; set; } = string.Empty;
}
