using k8s.Models;
using KongIdentityOperator.Chaos.Harness;
using KongIdentityOperator.Entities;
using Client = KongIdentityOperator.Entities.Client;

namespace KongIdentityOperator.Chaos.Chaos;

/// <summary>
/// What a chaos run declares: per tenant an AuthServer, the Scopes read/write/admin, the Claims "tenant" (in every
/// token) and "role" (only with scope write), Clients with 1-3 allowed scopes, and an UpstreamOAuthPolicy on the
/// tenant's gateway service. Random choices come from the run's seed.
/// </summary>
internal static class ChaosTopology
{
    public const string AuthServerName = "issuer";
    public const string PolicyName = "gateway";
    public const string TenantClaim = "tenant";
    public const string RoleClaim = "role";
    public const string RoleValue = "writer";
    public const string WriteScope = "write";

    public static IReadOnlyList<string> ScopeNames { get; } = ["read", WriteScope, "admin"];

    private static readonly int[] Durations = [300, 600, 3600];

    public static IReadOnlyList<TenantPlan> Plan(ChaosProfile profile, Random random)
    {
        var tenants = new List<TenantPlan>();
        for (var t = 0; t < profile.AuthServers; t++)
        {
            var ns = $"tenant-{t}";
            var count = (profile.Clients / profile.AuthServers) + (t < profile.Clients % profile.AuthServers ? 1 : 0);
            var clients = Enumerable.Range(0, count)
                .Select(c => new ClientPlan(ns, $"app-{c:000}", PickScopes(random), Durations[random.Next(Durations.Length)], c * profile.ClientWaves / count))
                .ToList();
            tenants.Add(new TenantPlan(t, ns, clients));
        }

        return tenants;
    }

    /// <summary>How many objects a tenant declares: AuthServer, Scopes, Claims, Clients and the policy.</summary>
    public static int ObjectCount(TenantPlan tenant) => 1 + ScopeNames.Count + Claims(tenant).Count() + tenant.Clients.Count + 1;

    public static AuthServer AuthServer(TenantPlan tenant) => new()
    {
        Metadata = Meta(tenant.Namespace, AuthServerName),
        Spec = new AuthServerSpec
        {
            Audience = tenant.Audience,
            Description = "chaos run tenant " + tenant.Index,
            Labels = new Dictionary<string, string> { ["team"] = "t" + tenant.Index },
            Konnect = new KonnectSettings { TokenSecretRef = new SecretKeyReference { Name = ChaosSandbox.TokenSecretName } },
        },
    };

    public static Scope Scope(TenantPlan tenant, string name) => new()
    {
        Metadata = Meta(tenant.Namespace, name),
        Spec = new ScopeSpec { AuthServerRef = Ref(AuthServerName), Description = $"{name} access" },
    };

    public static IEnumerable<Claim> Claims(TenantPlan tenant) =>
    [
        new()
        {
            Metadata = Meta(tenant.Namespace, TenantClaim),
            Spec = new ClaimSpec
            {
                AuthServerRef = Ref(AuthServerName), Name = TenantClaim, Value = tenant.TenantClaimValue, IncludeInToken = true, IncludeInAllScopes = true,
            },
        },
        new()
        {
            Metadata = Meta(tenant.Namespace, RoleClaim),
            Spec = new ClaimSpec
            {
                AuthServerRef = Ref(AuthServerName), Name = RoleClaim, Value = RoleValue, IncludeInToken = true, IncludeInScopes = [Ref(WriteScope)],
            },
        },
    ];

    public static Client Client(ClientPlan plan) => new()
    {
        Metadata = Meta(plan.Namespace, plan.Name),
        Spec = new ClientSpec
        {
            AuthServerRef = Ref(AuthServerName),
            GrantTypes = [GrantType.ClientCredentials],
            AllowScopes = [.. plan.Scopes.Select(Ref)],
            AccessTokenDurationSeconds = plan.AccessTokenSeconds,
            Secret = new ClientSecretOutput { Name = plan.SecretName },
        },
    };

    public static UpstreamOAuthPolicy Policy(TenantPlan tenant) => new()
    {
        Metadata = Meta(tenant.Namespace, PolicyName),
        Spec = new UpstreamOAuthPolicySpec
        {
            ControlPlaneRef = new ObjectRefByNameOrId { Name = "quickstart" },
            Target = new PolicyTarget { Service = new GatewayEntityRef { Name = tenant.ServiceName } },
            ClientRef = Ref(tenant.PolicyClient.Name),
            Scopes = [.. tenant.PolicyClient.Scopes.Select(Ref)],
        },
    };

    private static List<string> PickScopes(Random random)
    {
        var count = random.Next(1, ScopeNames.Count + 1);
        var picked = ScopeNames.OrderBy(_ => random.Next()).Take(count).ToHashSet(StringComparer.Ordinal);
        return [.. ScopeNames.Where(picked.Contains)];
    }

    private static V1ObjectMeta Meta(string @namespace, string name) => new() { Name = name, NamespaceProperty = @namespace };

    private static LocalObjectReference Ref(string name) => new() { Name = name };
}
