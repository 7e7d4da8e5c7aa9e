using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

/// <summary>Takes over an existing Konnect object instead of creating one.</summary>
public sealed class AdoptSpec
{
    [Required]
    [Length(1, 64)]
    [Description("Konnect id of the existing object to manage. The operator never takes over an object with the same name on its own.")]
    public string Id { get; set; } = string.Empty;
}
