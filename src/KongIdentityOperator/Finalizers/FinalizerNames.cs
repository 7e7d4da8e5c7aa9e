namespace KongIdentityOperator.Finalizers;

/// <summary>Finalizers the operator sets.</summary>
internal static class FinalizerNames
{
    public const string Cleanup = "identity.konghq.com/cleanup";

    /// <summary>On a Konnect token Secret while an AuthServer or UpstreamOAuthPolicy names it.</summary>
    public const string TokenInUse = "identity.konghq.com/token-in-use";
}
