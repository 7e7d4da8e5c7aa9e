namespace KongIdentityOperator.Chaos.Chaos;

/// <summary>One AuthServer of a chaos run in a namespace of its own, with its Scopes, Claims, Clients and one policy.</summary>
internal sealed record TenantPlan(int Index, string Namespace, IReadOnlyList<ClientPlan> Clients)
{
    public string Audience => $"https://api-{Index}.example.com";

    /// <summary>The gateway service (created in the emulator up front) that this tenant's policy targets.</summary>
    public string ServiceName => $"svc-{Index}";

    /// <summary>Value of the claim every token of this tenant carries.</summary>
    public string TenantClaimValue => $"tenant-{Index}";

    /// <summary>The Client whose credentials the policy gives the gateway.</summary>
    public ClientPlan PolicyClient => Clients[0];
}
