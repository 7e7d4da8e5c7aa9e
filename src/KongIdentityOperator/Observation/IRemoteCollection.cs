namespace KongIdentityOperator.Observation;

/// <summary>A <see cref="RemoteCollection{T}"/> of any type, for invalidation and pruning.</summary>
internal interface IRemoteCollection
{
    /// <summary>Forgets everything (something was deleted in Konnect); lists and GETs already under way are not recorded.</summary>
    void Invalidate();

    /// <summary>Drops what is no longer fresh; true when nothing is left.</summary>
    bool Prune();
}
