using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

/// <summary>A Konnect object referred to by its name or its id (exactly one).</summary>
[ValidationRule("has(self.name) != has(self.id)", "set exactly one of name or id")]
public sealed class ObjectRefByNameOrId
{
    [Length(1, 255)]
    [Description("Name of the object in Konnect.")]
    public string? Name { get; set; }

    [Length(1, 64)]
    [Description("Konnect id of the object.")]
    public string? Id { get; set; }
}
