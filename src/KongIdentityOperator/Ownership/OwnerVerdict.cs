using KongIdentityOperator.Mapping;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.Ownership;

/// <summary>The owner check's answer, with the marks it read.</summary>
internal sealed record OwnerVerdict(OwnerState State, MarkedOwner? Marks)
{
    /// <summary>What an explicit <c>spec.adopt.id</c> may take: anything but an object another live object owns.</summary>
    public bool MayAdopt => State != OwnerState.OwnedByAnother;

    /// <summary>
    /// What may be taken without adopt (a lost status, a name conflict): ours, or made by a Kubernetes object of the same
    /// namespace and name that no longer exists (this object restored from a backup, its namespace re-created).
    /// </summary>
    public bool MayRecover(string? @namespace, string name) =>
        State == OwnerState.Ours || (State == OwnerState.OwnerGone && Marks!.Names(@namespace, name));

    /// <summary>Stalled, reason NotOwned: what the object is, who owns it, what the user can do.</summary>
    public ReconcileOutcome NotOwned(string what, string remedy) => ReconcileOutcome.Stalled(
        ConditionReasons.NotOwned,
        State switch
        {
            OwnerState.OwnedByAnother => $"{what} belongs to {Marks} in Kubernetes, which still exists; the operator never writes to it. {remedy}",
            OwnerState.OwnerGone => $"{what} was made by {Marks}, which no longer exists. Set spec.adopt.id to take it over, or {remedy}",
            _ => $"{what} was not created by this object. Set spec.adopt.id to manage it, or {remedy}",
        });
}
