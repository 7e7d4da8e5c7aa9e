using KongIdentityOperator.Entities;
using KongIdentityOperator.Konnect.Identity;
using Scope = KongIdentityOperator.Entities.Scope;

namespace KongIdentityOperator.Tests.Unit.Controllers;

/// <summary>The auth-server children Konnect cannot label: Scope and Claim (one shared controller flow).</summary>
public sealed class ScopeAndClaimControllerTests(KonnectFixture konnect) : IClassFixture<KonnectFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_scope_is_created_once_records_its_id_twice_and_a_second_pass_writes_nothing()
    {
        await using var rig = ControllerRig.Start(konnect);
        var authServer = await rig.ReadyAuthServerAsync();
        var scope = TestEntities.Scope();

        Assert.True((await rig.ReconcileAsync(rig.ScopeController, scope)).IsSuccess);

        var stored = rig.Stored(scope);
        Assert.Equal(("Ready", "Ready"), Observed.State(stored.Status));
        Assert.Equal(authServer.Status.Id, stored.Status.AuthServerId);
        Assert.Null(stored.Status.CreateRequestedAt);
        Assert.Equal(KonnectIdAnnotation.Value(authServer.Status.Id!, stored.Status.Id!), stored.Metadata.Annotations[KonnectIdAnnotation.Key]);
        Assert.Equal("my-scope", (await rig.Api.Scopes.GetAsync(authServer.Status.Id!, stored.Status.Id!, Ct))?.Name);
        Assert.Equal(["Created"], rig.Events.Reasons("my-scope"));

        await rig.AssertSecondPassWritesNothingAsync(rig.ScopeController, scope);
    }

    [Fact]
    public async Task After_a_crash_between_create_and_status_the_scope_it_made_is_recovered_not_made_twice()
    {
        await using var rig = ControllerRig.Start(konnect);
        var authServer = await rig.ReadyAuthServerAsync();
        var made = await rig.Api.Scopes.CreateAsync(authServer.Status.Id!, new ScopeCreate("my-scope"), Ct);
        var scope = TestEntities.Scope();
        scope.Status.CreateRequestedAt = rig.Time.GetUtcNow().UtcDateTime;

        Assert.True((await rig.ReconcileAsync(rig.ScopeController, scope)).IsSuccess);

        Assert.Equal(made.Id, rig.Stored(scope).Status.Id);
        Assert.Equal(["Recovered"], rig.Events.Reasons("my-scope"));
        Assert.Single(rig.Konnect.Snapshot().FindAuthServer("team-a-appointments")!.Scopes);
    }

    [Fact]
    public async Task A_claim_carries_the_konnect_ids_of_its_scopes()
    {
        await using var rig = ControllerRig.Start(konnect);
        var authServer = await rig.ReadyAuthServerAsync();
        var scope = TestEntities.Scope();
        await rig.ReconcileAsync(rig.ScopeController, scope);
        var claim = TestEntities.Claim(spec: c => c.IncludeInScopes = [new LocalObjectReference { Name = "my-scope" }]);

        Assert.True((await rig.ReconcileAsync(rig.ClaimController, claim)).IsSuccess);

        var stored = rig.Stored(claim);
        Assert.Equal(("Ready", "Ready"), Observed.State(stored.Status));
        var remote = await rig.Api.Claims.GetAsync(authServer.Status.Id!, stored.Status.Id!, Ct);
        Assert.Equal([rig.Stored(scope).Status.Id!], remote?.IncludeInScopes);
        Assert.Equal("acme", remote?.Value);
    }

    /// <summary>Situation, the kstatus condition and reason it leads to, and the ResolvedRefs reason.</summary>
    public static TheoryData<string, string, string, string> Refusals() => new()
    {
        { "scope: no AuthServer", "Reconciling", "WaitingForRef", "WaitingForRef" },
        { "scope: AuthServer not ready", "Reconciling", "WaitingForRef", "WaitingForRef" },
        { "scope: AuthServer being deleted", "Reconciling", "WaitingForRef", "WaitingForRef" },
        { "scope: AuthServer's token Secret gone", "Reconciling", "WaitingForRef", "WaitingForRef" },
        { "scope: name taken in Konnect", "Stalled", "NameConflict", "Resolved" },
        { "scope: adopt id unknown", "Stalled", "InvalidSpec", "Resolved" },
        { "scope: id held by another Scope", "Stalled", "NotOwned", "Resolved" },
        { "scope: Konnect failing", "Reconciling", "Retrying", "Resolved" },
        { "claim: scope missing", "Reconciling", "WaitingForRef", "WaitingForRef" },
        { "claim: scope of another AuthServer", "Stalled", "InvalidSpec", "InvalidSpec" },
        { "claim: token rejected", "Stalled", "Unauthorized", "Resolved" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task What_stops_a_scope_or_claim_is_written_to_its_status_and_nothing_to_konnect(string situation, string condition, string reason, string refs)
    {
        await using var rig = ControllerRig.Start(konnect);
        var (reconcile, status) = await SetUpAsync(rig, situation);
        var konnectState = Observed.KonnectState(rig.Konnect);

        await reconcile();

        Assert.Equal((condition, reason), Observed.State(status()));
        Assert.Equal(konnectState, Observed.KonnectState(rig.Konnect));
        Assert.Equal(refs, Observed.Reason(status(), "ResolvedRefs"));
    }

    private static async Task<(Func<Task> Reconcile, Func<Runtime.Entities.IConditionsStatus> Status)> SetUpAsync(ControllerRig rig, string situation)
    {
        var scope = TestEntities.Scope();
        var claim = TestEntities.Claim(spec: c => c.IncludeInScopes = [new LocalObjectReference { Name = "my-scope" }]);
        Func<Task> reconcileScope = () => rig.ReconcileAsync(rig.ScopeController, scope);
        Func<Task> reconcileClaim = () => rig.ReconcileAsync(rig.ClaimController, claim);
        (Func<Task>, Func<Runtime.Entities.IConditionsStatus>) ForScope() => (reconcileScope, () => rig.Stored(scope).Status);
        (Func<Task>, Func<Runtime.Entities.IConditionsStatus>) ForClaim() => (reconcileClaim, () => rig.Stored(claim).Status);

        if (situation == "scope: no AuthServer")
        {
            return ForScope();
        }

        if (situation == "scope: AuthServer not ready")
        {
            rig.Kube.Put(ControllerRig.AuthServer());
            return ForScope();
        }

        var authServer = await rig.ReadyAuthServerAsync();
        var authServerId = authServer.Status.Id!;
        switch (situation)
        {
            case "scope: AuthServer being deleted":
                authServer.Metadata.DeletionTimestamp = rig.Time.GetUtcNow().UtcDateTime;
                rig.Kube.Put(authServer);
                return ForScope();
            case "scope: AuthServer's token Secret gone":
                await rig.Kube.DeleteAsync<k8s.Models.V1Secret>(ControllerRig.TokenSecret, ControllerRig.Namespace, Ct);
                return ForScope();
            case "scope: name taken in Konnect":
                await rig.Api.Scopes.CreateAsync(authServerId, new ScopeCreate("my-scope"), Ct);
                return ForScope();
            case "scope: adopt id unknown":
                scope.Spec.Adopt = new AdoptSpec { Id = Guid.NewGuid().ToString() };
                return ForScope();
            case "scope: id held by another Scope":
                var other = TestEntities.Scope("other-scope", s => s.Name = "other");
                await rig.ReconcileAsync(rig.ScopeController, other);
                scope.Spec.Adopt = new AdoptSpec { Id = rig.Stored(other).Status.Id! };
                return ForScope();
            case "scope: Konnect failing":
                rig.Konnect.SetFaults(new Sandbox.Konnect.EmulatorFaults { ErrorRate = 1 });
                return ForScope();
            case "claim: scope missing":
                return ForClaim();
            case "claim: scope of another AuthServer":
                rig.Kube.Put(TestEntities.Scope(spec: s => s.AuthServerRef = new LocalObjectReference { Name = "elsewhere" }));
                return ForClaim();
            case "claim: token rejected":
                await rig.ReconcileAsync(rig.ScopeController, scope);
                rig.PutTokenSecret(token: "spat_revoked");
                return ForClaim();
            default:
                throw new ArgumentOutOfRangeException(nameof(situation), situation, null);
        }
    }
}
