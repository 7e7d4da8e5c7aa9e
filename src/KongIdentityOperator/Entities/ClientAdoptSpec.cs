using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

/// <summary>Takes over an existing Konnect client (by its client id) instead of creating one.</summary>
public sealed class ClientAdoptSpec
{
    [Required]
    [Length(1, 36)]
    [Pattern(KonnectIds.ClientIdPattern)]
    [Description("Client id of the existing client to manage (letters, digits, - and _; at most 36). Never a client another Client still owns.")]
    public string Id { get; set; } = string.Empty;
}
