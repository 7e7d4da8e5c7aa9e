using k8s.Models;
using KongIdentityOperator.Runtime.Entities;
using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

/// <summary>The status every kind shares: kstatus conditions and the generation they describe.</summary>
public abstract class ConditionedStatus : IConditionsStatus
{
    [DefaultValue("-1")]
    [Description("The metadata.generation the status describes; -1 until the operator has seen the object.")]
    public long ObservedGeneration { get; set; } = -1;

    [ListType("map", "type")]
    [Description("Ready, Reconciling and Stalled (kstatus), plus ResolvedRefs and, on Client, SecretReady.")]
    public IList<V1Condition> Conditions { get; set; } = [];

    [Description("The Konnect id of the object.")]
    public string? Id { get; set; }
}
