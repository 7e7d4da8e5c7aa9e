namespace KongIdentityOperator.Entities;

/// <summary>What happens to the Konnect object when the Kubernetes object is deleted.</summary>
public enum DeletionPolicy
{
    /// <summary>Delete the Konnect object (a 404 counts as already deleted).</summary>
    Delete,

    /// <summary>Leave the Konnect object (and a Client's credentials Secret) in place.</summary>
    Orphan,
}
