using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

/// <summary>Takes over an existing Konnect object (by its UUID) instead of creating one.</summary>
public sealed class AdoptSpec
{
    [Required]
    [Length(36, 36)]
    [Pattern(KonnectIds.UuidPattern)]
    [Description("Konnect id (a UUID) of the existing object to manage. Never an object another Kubernetes object still owns; the operator never takes over an object with the same name on its own.")]
    public string Id { get; set; } = string.Empty;
}
