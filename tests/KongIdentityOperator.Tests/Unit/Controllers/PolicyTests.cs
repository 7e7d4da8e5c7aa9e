using KongIdentityOperator.Entities;
using KongIdentityOperator.Konnect.CoreEntities;
using KongIdentityOperator.Secrets;
using Client = KongIdentityOperator.Entities.Client;

namespace KongIdentityOperator.Tests.Unit.Controllers;

/// <summary>The UpstreamOAuthPolicy controller and finalizer.</summary>
public sealed class PolicyTests(KonnectFixture konnect) : IClassFixture<KonnectFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_policy_puts_the_clients_credentials_into_one_plugin_and_a_second_pass_writes_nothing()
    {
        await using var rig = ControllerRig.Start(konnect);
        await ReadySourcesAsync(rig);
        var policy = TestEntities.Policy(spec: p => p.Target = new PolicyTarget { Service = new GatewayEntityRef { Name = "example-service" } });

        Assert.True((await rig.ReconcileAsync(rig.PolicyController, policy)).IsSuccess);

        var stored = rig.Stored(policy);
        Assert.Equal(("Ready", "Ready"), Observed.State(stored.Status));
        Assert.Equal(stored.Metadata.Uid, stored.Status.Id);
        var plugin = Assert.Single(rig.Konnect.Snapshot().FindControlPlane("quickstart")!.Plugins);
        Assert.Equal(stored.Status.Id, plugin.Id);
        Assert.Equal("upstream-oauth", plugin.Name);
        var secret = rig.Kube.Find<k8s.Models.V1Secret>(ControllerRig.Namespace, "orders-credentials")!;
        Assert.Contains(SecretData.Read(secret, "client_secret")!, plugin.Config.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(["Created"], rig.Events.Reasons("orders-oauth"));
        Assert.DoesNotContain(rig.Events.All, e => e.Message.Contains(SecretData.Read(secret, "client_secret")!, StringComparison.Ordinal));

        await rig.AssertSecondPassWritesNothingAsync(rig.PolicyController, policy);
    }

    public static TheoryData<string, string, string> Refusals() => new()
    {
        { "Client missing", "Reconciling", "WaitingForRef" },
        { "Client not ready", "Reconciling", "WaitingForRef" },
        { "scope missing", "Reconciling", "WaitingForRef" },
        { "token Secret gone", "Reconciling", "WaitingForRef" },
        { "control plane unknown", "Stalled", "InvalidSpec" },
        { "service unknown", "Stalled", "InvalidSpec" },
        { "route unknown", "Stalled", "InvalidSpec" },
        { "adopted plugin of another kind", "Stalled", "NotOwned" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task What_stops_a_policy_is_written_to_its_status_and_nothing_to_konnect(string situation, string condition, string reason)
    {
        await using var rig = ControllerRig.Start(konnect);
        var policy = await SetUpAsync(rig, situation);
        var konnectState = Observed.KonnectState(rig.Konnect);

        await rig.ReconcileAsync(rig.PolicyController, policy);

        Assert.Equal((condition, reason), Observed.State(rig.Stored(policy).Status));
        Assert.Equal(konnectState, Observed.KonnectState(rig.Konnect));
    }

    [Fact]
    public async Task A_deleted_policy_deletes_its_plugin()
    {
        await using var rig = ControllerRig.Start(konnect);
        await ReadySourcesAsync(rig);
        var policy = TestEntities.Policy();
        await rig.ReconcileAsync(rig.PolicyController, policy);

        var result = await rig.FinalizeAsync(rig.PolicyFinalizer, policy);

        Assert.True(result.IsSuccess);
        Assert.Empty(rig.Konnect.Snapshot().FindControlPlane("quickstart")!.Plugins);
        Assert.Contains("Deleted", rig.Events.Reasons("orders-oauth"));
    }

    [Fact]
    public async Task A_policy_whose_connection_is_gone_is_kept_and_says_how_to_let_it_go()
    {
        await using var rig = ControllerRig.Start(konnect);
        var (authServer, client) = await ReadySourcesAsync(rig);
        var policy = TestEntities.Policy();
        await rig.ReconcileAsync(rig.PolicyController, policy);
        await rig.Kube.DeleteAsync<Client>(client.Metadata.Name, ControllerRig.Namespace, Ct);
        await rig.Kube.DeleteAsync<AuthServer>(authServer.Metadata.Name, ControllerRig.Namespace, Ct);

        var result = await rig.FinalizeAsync(rig.PolicyFinalizer, policy);

        Assert.True(result.IsFailure);
        Assert.Equal(("Reconciling", "Deleting"), Observed.State(rig.Stored(policy).Status));
        Assert.Contains("set spec.konnect", Observed.Message(rig.Stored(policy).Status, "Reconciling"), StringComparison.Ordinal);
        Assert.Single(rig.Konnect.Snapshot().FindControlPlane("quickstart")!.Plugins);
    }

    [Fact]
    public async Task An_orphaned_policy_leaves_its_plugin()
    {
        await using var rig = ControllerRig.Start(konnect);
        await ReadySourcesAsync(rig);
        var policy = TestEntities.Policy(spec: p => p.DeletionPolicy = DeletionPolicy.Orphan);
        await rig.ReconcileAsync(rig.PolicyController, policy);

        Assert.True((await rig.FinalizeAsync(rig.PolicyFinalizer, policy)).IsSuccess);

        Assert.Single(rig.Konnect.Snapshot().FindControlPlane("quickstart")!.Plugins);
        Assert.Contains("Orphaned", rig.Events.Reasons("orders-oauth"));
    }

    private static async Task<(AuthServer AuthServer, Client Client)> ReadySourcesAsync(ControllerRig rig)
    {
        var authServer = await rig.ReadyAuthServerAsync();
        var client = TestEntities.Client(spec: s => s.GrantTypes = [GrantType.ClientCredentials]);
        Assert.True((await rig.ReconcileAsync(rig.ClientController, client)).IsSuccess);
        return (authServer, rig.Stored(client));
    }

    private static async Task<UpstreamOAuthPolicy> SetUpAsync(ControllerRig rig, string situation)
    {
        if (situation == "Client missing")
        {
            await rig.ReadyAuthServerAsync();
            return TestEntities.Policy();
        }

        if (situation == "Client not ready")
        {
            await rig.ReadyAuthServerAsync();
            rig.Kube.Put(TestEntities.Client());
            return TestEntities.Policy();
        }

        await ReadySourcesAsync(rig);
        switch (situation)
        {
            case "scope missing":
                return TestEntities.Policy(spec: p => p.Scopes = [new LocalObjectReference { Name = "my-scope" }]);
            case "token Secret gone":
                await rig.Kube.DeleteAsync<k8s.Models.V1Secret>(ControllerRig.TokenSecret, ControllerRig.Namespace, Ct);
                return TestEntities.Policy();
            case "control plane unknown":
                return TestEntities.Policy(spec: p => p.ControlPlaneRef = new ObjectRefByNameOrId { Name = "nowhere" });
            case "service unknown":
                return TestEntities.Policy(spec: p => p.Target = new PolicyTarget { Service = new GatewayEntityRef { Name = "no-such-service" } });
            case "route unknown":
                return TestEntities.Policy(spec: p => p.Target = new PolicyTarget { Route = new GatewayEntityRef { Name = "no-such-route" } });
            case "adopted plugin of another kind":
                var plane = rig.Konnect.Snapshot().FindControlPlane("quickstart")!;
                var foreign = Guid.NewGuid().ToString();
                await rig.Api.Plugins.UpsertAsync(plane.Id, PluginScope.Global, foreign, new PluginUpsert("cors") { Config = new System.Text.Json.Nodes.JsonObject() }, Ct);
                return TestEntities.Policy(spec: p => p.Adopt = new AdoptSpec { Id = foreign });
            default:
                throw new ArgumentOutOfRangeException(nameof(situation), situation, null);
        }
    }
}
