using k8s;
using k8s.Models;
using KongIdentityOperator.Bench.Sandbox;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Client;

namespace KongIdentityOperator.Bench.Workload;

/// <summary>
/// The objects of a scenario: one AuthServer, its Scopes and Claims, Clients that each allow one Scope (round robin)
/// and UpstreamOAuthPolicies that each put one Client on its own gateway service (one upstream-oauth plugin per
/// service is all Konnect allows).
/// </summary>
internal sealed record ScenarioObjects(string Namespace, int Scopes, int Claims, int Clients, int Policies)
{
    public const string AuthServerName = "bench";

    /// <summary>The AuthServer's <c>spec.konnect.serverURL</c>; null: the operator's default (or override).</summary>
    public string? ServerUrl { get; init; }

    public int Total => 1 + Scopes + Claims + Clients + Policies;

    /// <summary>
    /// One list page per 100 children of each collection (scopes, claims, clients of the auth server) and per 1,000
    /// plugins of the control plane: what a resync needs at most when it reads lists instead of objects.
    /// </summary>
    public int ListPageBound => Pages(Scopes, 100) + Pages(Claims, 100) + Pages(Clients, 100) + Pages(Policies, 1000);

    public static string ScopeName(int index) => $"scope-{index}";

    public static string ClaimName(int index) => $"claim-{index}";

    public static string ClientName(int index) => $"client-{index:D5}";

    public static string PolicyName(int index) => $"policy-{index}";

    public AuthServer AuthServer() => new()
    {
        Metadata = Meta(AuthServerName),
        Spec = new AuthServerSpec
        {
            DisplayName = $"bench-{Namespace}",
            Audience = "http://bench.example.internal",
            Konnect = new KonnectSettings { ServerUrl = ServerUrl, TokenSecretRef = new SecretKeyReference { Name = BenchSandbox.TokenSecretName } },
        },
    };

    public Scope Scope(int index) => new()
    {
        Metadata = Meta(ScopeName(index)),
        Spec = new ScopeSpec { AuthServerRef = Parent, Description = $"Bench scope {index}" },
    };

    public Claim Claim(int index) => new()
    {
        Metadata = Meta(ClaimName(index)),
        Spec = new ClaimSpec
        {
            AuthServerRef = Parent,
            Name = ClaimName(index),
            Value = $"value-{index}",
            IncludeInToken = true,
            IncludeInScopes = [new LocalObjectReference { Name = ScopeName(index % Scopes) }],
        },
    };

    public Client Client(int index) => new()
    {
        Metadata = Meta(ClientName(index)),
        Spec = new ClientSpec
        {
            AuthServerRef = Parent,
            AllowScopes = [new LocalObjectReference { Name = ScopeName(index % Scopes) }],
            AccessTokenDurationSeconds = 3600,
        },
    };

    public UpstreamOAuthPolicy Policy(int index) => new()
    {
        Metadata = Meta(PolicyName(index)),
        Spec = new UpstreamOAuthPolicySpec
        {
            ControlPlaneRef = new ObjectRefByNameOrId { Name = "quickstart" },
            Target = new PolicyTarget { Service = new GatewayEntityRef { Name = BenchSandbox.ServiceName(index) } },
            ClientRef = new LocalObjectReference { Name = ClientName(index) },
            Scopes = [new LocalObjectReference { Name = ScopeName(index % Scopes) }],
        },
    };

    /// <summary>Every object, parents first (the order a directory of manifests is applied in).</summary>
    public IEnumerable<IKubernetesObject<V1ObjectMeta>> All()
    {
        yield return AuthServer();
        for (var i = 0; i < Scopes; i++)
        {
            yield return Scope(i);
        }

        for (var i = 0; i < Claims; i++)
        {
            yield return Claim(i);
        }

        for (var i = 0; i < Clients; i++)
        {
            yield return Client(i);
        }

        for (var i = 0; i < Policies; i++)
        {
            yield return Policy(i);
        }
    }

    /// <summary>Creates every object with up to <paramref name="parallelism"/> requests in flight, like <c>kubectl apply</c> of a large directory.</summary>
    public async Task ApplyAsync(IKubernetesClient client, int parallelism, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(
            All(),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (item, ct) => await CreateAsync(client, item, ct));

    private static Task CreateAsync(IKubernetesClient client, IKubernetesObject<V1ObjectMeta> item, CancellationToken cancellationToken) => item switch
    {
        AuthServer a => client.CreateAsync(a, cancellationToken),
        Scope s => client.CreateAsync(s, cancellationToken),
        Claim c => client.CreateAsync(c, cancellationToken),
        Client c => client.CreateAsync(c, cancellationToken),
        UpstreamOAuthPolicy p => client.CreateAsync(p, cancellationToken),
        _ => throw new ArgumentException($"unexpected {item.GetType().Name}", nameof(item)),
    };

    private static int Pages(int count, int pageSize) => (count + pageSize - 1) / pageSize;

    private static LocalObjectReference Parent => new() { Name = AuthServerName };

    private V1ObjectMeta Meta(string name) => new() { Name = name, NamespaceProperty = Namespace };
}
