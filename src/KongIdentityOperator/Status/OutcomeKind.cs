namespace KongIdentityOperator.Status;

/// <summary>The four states a reconcile can leave an object in, as kstatus sees them.</summary>
internal enum OutcomeKind
{
    /// <summary>Konnect matches the spec (kstatus Current).</summary>
    Ready,

    /// <summary>Work is under way or waits for something that will happen on its own (kstatus InProgress).</summary>
    Progressing,

    /// <summary>Nothing will change until the spec (or a referenced Secret) changes (kstatus Failed).</summary>
    Stalled,
}
