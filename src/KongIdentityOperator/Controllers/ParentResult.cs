using KongIdentityOperator.Entities;
using KongIdentityOperator.Konnect;
using KongIdentityOperator.Status;

namespace KongIdentityOperator.Controllers;

/// <summary>A resolved AuthServer (with its Konnect id and connection), or why it is not usable yet.</summary>
internal sealed record ParentResult(AuthServer? AuthServer, string? AuthServerId, KonnectConnection? Connection, ReconcileOutcome? Problem)
{
    public static ParentResult Failed(ReconcileOutcome problem) => new(null, null, null, problem);
}
