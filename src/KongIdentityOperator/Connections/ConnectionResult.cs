using KongIdentityOperator.Konnect;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.Connections;

/// <summary>A Konnect connection, or why there is none yet.</summary>
internal sealed record ConnectionResult(KonnectConnection? Connection, ReconcileOutcome? Problem)
{
    public static ConnectionResult Ok(KonnectConnection connection) => new(connection, null);

    public static ConnectionResult Failed(ReconcileOutcome problem) => new(null, problem);
}
