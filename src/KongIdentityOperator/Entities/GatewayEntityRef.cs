using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

/// <summary>A gateway service or route of a control plane, by name or id (exactly one); both reach URL paths.</summary>
[ValidationRule("has(self.name) != has(self.id)", "set exactly one of name or id")]
public sealed class GatewayEntityRef
{
    [Length(1, 255)]
    [Pattern(KonnectIds.GatewayNamePattern)]
    [ValidationRule(KonnectIds.NotDotSegmentRule, KonnectIds.NotDotSegmentMessage)]
    [Description("Name of the service or route (Kong's names: letters, digits, . - _ ~).")]
    public string? Name { get; set; }

    [Length(36, 36)]
    [Pattern(KonnectIds.UuidPattern)]
    [Description("Konnect id (a UUID) of the service or route.")]
    public string? Id { get; set; }
}
