namespace KongIdentityOperator.Ownership;

/// <summary>Whose a Konnect object is, going by its marks.</summary>
internal enum OwnerState
{
    /// <summary>The marks name the object being reconciled.</summary>
    Ours,

    /// <summary>No marks: made outside the operator. It may be adopted (spec.adopt.id), never taken silently.</summary>
    Unmarked,

    /// <summary>The marks name a Kubernetes object that no longer exists (a restore, a re-created namespace).</summary>
    OwnerGone,

    /// <summary>The marks name another Kubernetes object that still exists (or that could not be ruled out): never written.</summary>
    OwnedByAnother,
}
