namespace KongIdentityOperator.Tests.GitOps;

/// <summary>The states an object of any kind goes through, as the operator leaves them in its status.</summary>
public enum HealthPhase
{
    /// <summary>Ready=True for the current generation.</summary>
    Ready,

    /// <summary>Ready=True, then the spec changed (generation 4) and the operator has not reconciled it yet.</summary>
    ReadyGenerationBehind,

    /// <summary>Progressing, reason WaitingForRef: a referenced object does not exist or is not Ready.</summary>
    WaitingForRef,

    /// <summary>Progressing, reason Retrying: a transient Konnect error with backoff.</summary>
    Retrying,

    /// <summary>Progressing, reason RateLimited: Konnect answered 429.</summary>
    RateLimited,

    /// <summary>Stalled, reason InvalidSpec.</summary>
    StalledInvalidSpec,

    /// <summary>Stalled, reason KonnectRejected (a 400 from Konnect).</summary>
    StalledKonnectRejected,

    /// <summary>Stalled, reason NameConflict (an unowned object of that name exists in Konnect).</summary>
    StalledNameConflict,

    /// <summary>Stalled, reason Unauthorized (the Konnect token was refused).</summary>
    StalledUnauthorized,

    /// <summary>Stalled, reason SecretConflict (the output Secret belongs to someone else).</summary>
    StalledSecretConflict,

    /// <summary>Stalled, then the spec was fixed (generation 4): the stale verdict must not count.</summary>
    StalledThenSpecChanged,

    /// <summary>No status at all, as in Git or from an API server without the CRD's status default.</summary>
    NoStatus,

    /// <summary>A new object as the API server returns it: status defaulted to observedGeneration -1.</summary>
    DefaultedStatus,

    /// <summary>Being deleted; the finalizer reports Progressing, reason Deleting.</summary>
    Deleting,

    /// <summary>Deletion requested while Ready; the operator has not run the finalizer yet.</summary>
    DeletionPending,
}
