namespace KongIdentityOperator.Finalizers;

/// <summary>The finalizer every kind carries until its Konnect object is cleaned up (or orphaned on purpose).</summary>
internal static class FinalizerNames
{
    public const string Cleanup = "identity.konghq.com/cleanup";
}
