using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

/// <summary>A Konnect control plane referred to by its name or its id (exactly one).</summary>
[ValidationRule("has(self.name) != has(self.id)", "set exactly one of name or id")]
public sealed class ObjectRefByNameOrId
{
    [Length(1, 255)]
    [ValidationRule(KonnectIds.NotDotSegmentRule, KonnectIds.NotDotSegmentMessage)]
    [Description("Name of the object in Konnect.")]
    public string? Name { get; set; }

    [Length(36, 36)]
    [Pattern(KonnectIds.UuidPattern)]
    [Description("Konnect id (a UUID) of the object.")]
    public string? Id { get; set; }
}
