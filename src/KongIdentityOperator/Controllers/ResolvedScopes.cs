using KongIdentityOperator.Status;

namespace KongIdentityOperator.Controllers;

/// <summary>Scope refs resolved to Konnect ids and scope strings (in the order given), or why not.</summary>
internal sealed record ResolvedScopes(IReadOnlyList<string> Ids, IReadOnlyList<string> Names, ReconcileOutcome? Problem)
{
    public static ResolvedScopes Failed(ReconcileOutcome problem) => new([], [], problem);
}
