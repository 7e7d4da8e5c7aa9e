using KongIdentityOperator.Status;

namespace KongIdentityOperator.Controllers;

/// <summary>What applying the spec to Konnect gave: the remote object and what was done to it, or why nothing could be.</summary>
internal sealed record Applied<TRemote>(TRemote? Remote, string? Change, ReconcileOutcome? Problem)
    where TRemote : class
{
    public static Applied<TRemote> Unchanged(TRemote remote) => new(remote, null, null);

    public static Applied<TRemote> Changed(TRemote remote, string change) => new(remote, change, null);

    public static Applied<TRemote> Failed(ReconcileOutcome problem) => new(null, null, problem);
}
