using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

/// <summary>A key of a Secret in the same namespace.</summary>
public sealed class SecretKeyReference
{
    [Required]
    [Length(1, 253)]
    [Description("Name of the Secret, in the same namespace.")]
    public string Name { get; set; } = string.Empty;

    [Length(1, 253)]
    [Pattern("^[-._a-zA-Z0-9]+$")]
    [Description("Key in the Secret's data.")]
    public string? Key { get; set; }
}
