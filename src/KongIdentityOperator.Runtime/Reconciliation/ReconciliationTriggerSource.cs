namespace KongIdentityOperator.Runtime.Reconciliation;

/// <summary>Whether a reconcile was caused by the API server (a watch event) or by the operator (requeue, resync, retry).</summary>
public enum ReconciliationTriggerSource
{
    ApiServer,
    Operator,
}
