using k8s;
using k8s.Models;
using KongIdentityOperator.Configuration;
using KongIdentityOperator.Connections;
using KongIdentityOperator.Controllers;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Finalizers;
using KongIdentityOperator.Indexing;
using KongIdentityOperator.Konnect;
using KongIdentityOperator.Konnect.Observability;
using KongIdentityOperator.Observation;
using KongIdentityOperator.Ownership;
using KongIdentityOperator.References;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Runtime.Entities;
using KongIdentityOperator.Runtime.Reconciliation;
using KongIdentityOperator.Sandbox.Konnect;
using KongIdentityOperator.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KongIdentityOperator.Tests.Unit.Controllers;

/// <summary>
/// The operator's controllers and finalizers wired as in production, but in one process and without sockets: the
/// Kubernetes API is <see cref="InMemoryKubernetes"/>, the caches read it, and the real Konnect client talks to the
/// Konnect emulator through an in-memory handler (no retries, so a fault shows at once).
/// </summary>
internal sealed class ControllerRig : IAsyncDisposable
{
    public const string Namespace = TestEntities.Namespace;
    public const string Token = "spat_unit_test_token";
    public const string TokenSecret = "konnect-token";

    private readonly ServiceProvider _services;

    private ControllerRig(KonnectEmulator konnect)
    {
        Konnect = konnect;
        Options = new OperatorOptions { KonnectServerUrl = konnect.BaseAddress };
        Observations = new RemoteObservations(Time, new RemoteObservationSettings());
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IKonnectCallObserver>(Observations);
        services.AddKonnectClient(o =>
            {
                o.MaxRetryAttempts = 0;
                o.RateLimitPerMinute = 1_000_000;
                o.RateLimitBurst = 1_000;
            })
            .ConfigurePrimaryHttpMessageHandler(konnect.CreateHandler);
        _services = services.BuildServiceProvider();
        KonnectClients = _services.GetRequiredService<IKonnectClientFactory>();

        AuthServers = Kube.Cache(EntityIndexes.AuthServer);
        Scopes = Kube.Cache(EntityIndexes.Scope);
        Claims = Kube.Cache(EntityIndexes.Claim);
        Clients = Kube.Cache(EntityIndexes.Client);
        Policies = Kube.Cache(EntityIndexes.Policy);
        Secrets = Kube.Cache<V1Secret>();
        Connections = new KonnectConnectionResolver(Options, AllowedServers.For(Options), new DefaultTokenSource(Options, Time), Secrets);
        Recorder = new OutcomeRecorder(Kube, Events.Publisher, Time);
        Parents = new ParentResolver(AuthServers, Connections);
        ScopeResolver = new ScopeResolver(Scopes);
        PolicySources = new PolicySourceResolver(Clients, AuthServers, Secrets, ScopeResolver, Connections);
    }

    public InMemoryKubernetes Kube { get; } = new();

    public KonnectEmulator Konnect { get; }

    public RecordedEvents Events { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public OperatorOptions Options { get; }

    public RemoteObservations Observations { get; }

    public IKonnectClientFactory KonnectClients { get; }

    /// <summary>A Konnect client with the rig's token, for setting the scene and checking the result.</summary>
    public IKonnectClient Api => KonnectClients.For(new KonnectConnection(Konnect.BaseAddress, Token));

    public StoreCache<AuthServer> AuthServers { get; }

    public StoreCache<Scope> Scopes { get; }

    public StoreCache<Claim> Claims { get; }

    public StoreCache<Client> Clients { get; }

    public StoreCache<UpstreamOAuthPolicy> Policies { get; }

    public StoreCache<V1Secret> Secrets { get; }

    public KonnectConnectionResolver Connections { get; }

    public OutcomeRecorder Recorder { get; }

    public ParentResolver Parents { get; }

    public ScopeResolver ScopeResolver { get; }

    public PolicySourceResolver PolicySources { get; }

    public CleanupRecorder Cleanup => new(Recorder, Events.Publisher);

    public AuthServerController AuthServerController =>
        new(Connections, KonnectClients, Owners(AuthServers), Recorder, Events.Publisher);

    public ScopeController ScopeController =>
        new(Parents, KonnectClients, Observations, Demand(Scopes), Scopes, Kube, Recorder, Events.Publisher, Time);

    public ClaimController ClaimController =>
        new(Parents, ScopeResolver, KonnectClients, Observations, Demand(Claims), Claims, Kube, Recorder, Events.Publisher, Time);

    public ClientController ClientController =>
        new(Parents, ScopeResolver, Secrets, Scopes, KonnectClients, Observations, Demand(Clients), Owners(Clients), Kube, Recorder, Events.Publisher, Time, NullLogger<ClientController>.Instance);

    public UpstreamOAuthPolicyController PolicyController =>
        new(PolicySources, new PolicyTargetResolver(Observations, Demand(Policies)), KonnectClients, Observations, Demand(Policies), Owners(Policies), Recorder, Events.Publisher);

    public AuthServerFinalizer AuthServerFinalizer => new(Connections, KonnectClients, Scopes, Claims, Clients, Cleanup, Events.Publisher);

    public ScopeFinalizer ScopeFinalizer => new(Parents, KonnectClients, Cleanup, Events.Publisher);

    public ClaimFinalizer ClaimFinalizer => new(Parents, KonnectClients, Cleanup, Events.Publisher);

    public ClientFinalizer ClientFinalizer => new(Parents, KonnectClients, Cleanup, Events.Publisher, Kube, Policies);

    public UpstreamOAuthPolicyFinalizer PolicyFinalizer => new(PolicySources, KonnectClients, Cleanup, Events.Publisher);

    /// <summary>
    /// A rig on the fixture's emulator, reset to the tutorial's control plane, service and route, with no faults; and
    /// an offered token Secret unless told otherwise.
    /// </summary>
    public static ControllerRig Start(KonnectFixture fixture, bool withTokenSecret = true)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.Emulator.Reset();
        fixture.Emulator.SetFaults(EmulatorFaults.None);
        var rig = new ControllerRig(fixture.Emulator);
        if (withTokenSecret)
        {
            rig.PutTokenSecret();
        }

        return rig;
    }

    public V1Secret PutTokenSecret(string name = TokenSecret, string? token = Token, bool offered = true) => Kube.Put(new V1Secret
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = Namespace,
            Uid = TestEntities.UidOf("secret-" + name),
            Labels = offered ? new Dictionary<string, string> { [ReferenceableSecret.Label] = "true" } : null,
        },
        StringData = token is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["token"] = token },
    });

    /// <summary>An AuthServer that uses the rig's token Secret.</summary>
    public static AuthServer AuthServer(string name = "appointments", Action<AuthServerSpec>? spec = null) =>
        TestEntities.AuthServer(name, s =>
        {
            s.Konnect = new KonnectSettings { TokenSecretRef = new SecretKeyReference { Name = TokenSecret } };
            spec?.Invoke(s);
        });

    /// <summary>Reconciles the stored object (as a controller would get it from the cache) and returns the result.</summary>
    public async Task<ReconciliationResult<TEntity>> ReconcileAsync<TEntity>(IEntityController<TEntity> controller, TEntity entity)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var stored = Kube.Find<TEntity>(entity.Metadata.NamespaceProperty, entity.Metadata.Name) ?? Kube.Put(entity);
        return await controller.ReconcileAsync(stored, TestContext.Current.CancellationToken);
    }

    /// <summary>A second reconcile of a Ready object must write nothing, to Konnect or to the cluster.</summary>
    public async Task AssertSecondPassWritesNothingAsync<TEntity>(IEntityController<TEntity> controller, TEntity entity)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var calls = Observed.KonnectWriteCalls(Konnect);
        Kube.Writes.Clear();
        Assert.True((await ReconcileAsync(controller, entity)).IsSuccess);
        Assert.Equal(calls, Observed.KonnectWriteCalls(Konnect));
        Assert.Empty(Kube.Writes);
    }

    /// <summary>Stores the object (if new), marks it deleted with the cleanup finalizer, and runs <paramref name="finalizer"/>.</summary>
    public async Task<ReconciliationResult<TEntity>> FinalizeAsync<TEntity>(Runtime.Finalizer.IEntityFinalizer<TEntity> finalizer, TEntity entity)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var stored = Kube.Find<TEntity>(entity.Metadata.NamespaceProperty, entity.Metadata.Name) ?? entity;
        stored.Metadata.DeletionTimestamp = Time.GetUtcNow().UtcDateTime;
        stored.Metadata.Finalizers = [FinalizerNames.Cleanup];
        stored = Kube.Put(stored);
        return await finalizer.FinalizeAsync(stored, TestContext.Current.CancellationToken);
    }

    /// <summary>The AuthServer "appointments" reconciled to Ready (in Konnect, with its id in status).</summary>
    public async Task<AuthServer> ReadyAuthServerAsync(string name = "appointments")
    {
        var entity = AuthServer(name);
        var result = await ReconcileAsync(AuthServerController, entity);
        var stored = Stored(entity);
        return result.IsSuccess && stored.Status.Id is not null ? stored : throw new InvalidOperationException($"AuthServer {name} is not ready: {result.ErrorMessage}");
    }

    /// <summary>The object as stored now.</summary>
    public TEntity Stored<TEntity>(TEntity entity)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> =>
        Kube.Find<TEntity>(entity.Metadata.NamespaceProperty, entity.Metadata.Name) ?? throw new InvalidOperationException($"{entity.Metadata.Name} is not stored.");

    public ValueTask DisposeAsync()
    {
        Observations.Dispose();
        return _services.DisposeAsync();
    }

    private OwnerCheck<TEntity> Owners<TEntity>(IEntityCache<TEntity> cache)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => new(cache, Kube, Options);

    private static ChildDemand<TEntity> Demand<TEntity>(IEntityCache<TEntity> cache)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> => new(cache, new NothingPending<TEntity>());
}
