using k8s;
using k8s.Models;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Entities;
using KongIdentityOperator.Runtime.Reconciliation;

namespace KongIdentityOperator.Tests.Unit.Controllers;

/// <summary>The cleanup of a Scope, Claim or Client, which deletes through its AuthServer's connection.</summary>
public sealed class ChildFinalizerTests(KonnectFixture konnect) : IClassFixture<KonnectFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Kinds() => ["Scope", "Claim", "Client"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_deleted_child_is_deleted_from_konnect(string kind)
    {
        await using var rig = ControllerRig.Start(konnect);
        var authServer = await rig.ReadyAuthServerAsync();
        var child = await Child.ReadyAsync(rig, kind);

        var result = await child.FinalizeAsync();

        Assert.True(result.IsSuccess);
        Assert.False(await child.ExistsInKonnectAsync(authServer.Status.Id!));
        Assert.Contains("Deleted", rig.Events.Reasons(child.Name));
    }

    /// <summary>
    /// The regression: the AuthServer is there but its token Secret is gone. The finalizer must not let the object go
    /// (its Konnect object would stay behind for ever); it keeps it, says why, and deletes once the token is back.
    /// </summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_child_whose_auth_server_has_no_usable_connection_is_kept_until_it_has_one(string kind)
    {
        await using var rig = ControllerRig.Start(konnect);
        var authServer = await rig.ReadyAuthServerAsync();
        var child = await Child.ReadyAsync(rig, kind);
        await rig.Kube.DeleteAsync<V1Secret>(ControllerRig.TokenSecret, ControllerRig.Namespace, Ct);

        var blocked = await child.FinalizeAsync();

        Assert.True(blocked.IsFailure);
        Assert.Contains(ControllerRig.TokenSecret, blocked.ErrorMessage, StringComparison.Ordinal);
        var status = child.Status();
        Assert.Equal(("Reconciling", "Deleting"), Observed.State(status));
        Assert.Contains($"Waiting for Secret {ControllerRig.TokenSecret}", Observed.Message(status, "Reconciling"), StringComparison.Ordinal);
        Assert.Contains("deletionPolicy: Orphan", Observed.Message(status, "Reconciling"), StringComparison.Ordinal);
        Assert.True(await child.ExistsInKonnectAsync(authServer.Status.Id!));

        rig.PutTokenSecret();
        var retried = await child.FinalizeAsync();

        Assert.True(retried.IsSuccess);
        Assert.False(await child.ExistsInKonnectAsync(authServer.Status.Id!));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_child_whose_auth_server_is_gone_or_replaced_lets_go_without_calling_konnect(string kind)
    {
        await using var rig = ControllerRig.Start(konnect);
        var authServer = await rig.ReadyAuthServerAsync();
        var child = await Child.ReadyAsync(rig, kind);
        var replaced = rig.Stored(authServer);
        replaced.Status.Id = Guid.NewGuid().ToString();
        await rig.Kube.UpdateStatusAsync(replaced, Ct);
        var calls = rig.Konnect.Requests.Total;

        var result = await child.FinalizeAsync();

        Assert.True(result.IsSuccess);
        Assert.Equal(calls, rig.Konnect.Requests.Total);

        await rig.Kube.DeleteAsync<AuthServer>(authServer.Metadata.Name, ControllerRig.Namespace, Ct);
        Assert.True((await child.FinalizeAsync()).IsSuccess);
        Assert.Equal(calls, rig.Konnect.Requests.Total);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_orphaned_child_stays_in_konnect(string kind)
    {
        await using var rig = ControllerRig.Start(konnect);
        var authServer = await rig.ReadyAuthServerAsync();
        var child = await Child.ReadyAsync(rig, kind, orphan: true);

        var result = await child.FinalizeAsync();

        Assert.True(result.IsSuccess);
        Assert.True(await child.ExistsInKonnectAsync(authServer.Status.Id!));
        Assert.Contains("Orphaned", rig.Events.Reasons(child.Name));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_konnect_failure_keeps_the_child_and_says_so(string kind)
    {
        await using var rig = ControllerRig.Start(konnect);
        var authServer = await rig.ReadyAuthServerAsync();
        var child = await Child.ReadyAsync(rig, kind);
        rig.Konnect.SetFaults(new Sandbox.Konnect.EmulatorFaults { ErrorRate = 1 });

        var result = await child.FinalizeAsync();

        Assert.True(result.IsFailure);
        Assert.Equal(("Reconciling", "Deleting"), Observed.State(child.Status()));
        Assert.StartsWith("Deleting from Konnect failed", Observed.Message(child.Status(), "Reconciling"), StringComparison.Ordinal);
        rig.Konnect.SetFaults(Sandbox.Konnect.EmulatorFaults.None);
        Assert.True(await child.ExistsInKonnectAsync(authServer.Status.Id!));
    }

    [Fact]
    public async Task A_client_waits_for_the_policies_that_use_it()
    {
        await using var rig = ControllerRig.Start(konnect);
        var authServer = await rig.ReadyAuthServerAsync();
        var child = await Child.ReadyAsync(rig, "Client");
        rig.Kube.Put(TestEntities.Policy());

        var result = await child.FinalizeAsync();

        Assert.True(result.IsFailure);
        Assert.Equal(("Reconciling", "Deleting"), Observed.State(child.Status()));
        Assert.Contains("UpstreamOAuthPolicy orders-oauth", Observed.Message(child.Status(), "Reconciling"), StringComparison.Ordinal);
        Assert.True(await child.ExistsInKonnectAsync(authServer.Status.Id!));
    }

    [Fact]
    public async Task An_orphaned_client_still_waits_for_the_policies_that_reach_konnect_through_it()
    {
        // A policy deleted with its Orphan Client at once must still find the Client to delete its plugin.
        await using var rig = ControllerRig.Start(konnect);
        var authServer = await rig.ReadyAuthServerAsync();
        var child = await Child.ReadyAsync(rig, "Client", orphan: true);
        rig.Kube.Put(TestEntities.Policy());

        var result = await child.FinalizeAsync();

        Assert.True(result.IsFailure);
        Assert.Equal(("Reconciling", "Deleting"), Observed.State(child.Status()));
        Assert.Contains("UpstreamOAuthPolicy orders-oauth", Observed.Message(child.Status(), "Reconciling"), StringComparison.Ordinal);
        Assert.NotEmpty(rig.Kube.Find<V1Secret>(ControllerRig.Namespace, "orders-credentials")!.Metadata.OwnerReferences);
        Assert.True(await child.ExistsInKonnectAsync(authServer.Status.Id!));
    }

    [Fact]
    public async Task An_orphaned_client_keeps_its_credentials_secret_by_dropping_the_owner_reference()
    {
        await using var rig = ControllerRig.Start(konnect);
        await rig.ReadyAuthServerAsync();
        var child = await Child.ReadyAsync(rig, "Client", orphan: true);
        Assert.NotEmpty(rig.Kube.Find<V1Secret>(ControllerRig.Namespace, "orders-credentials")!.Metadata.OwnerReferences);

        var result = await child.FinalizeAsync();

        Assert.True(result.IsSuccess);
        Assert.Empty(rig.Kube.Find<V1Secret>(ControllerRig.Namespace, "orders-credentials")!.Metadata.OwnerReferences);
    }

    /// <summary>One child of any kind, made Ready through its controller, with what the tests ask of it.</summary>
    private sealed record Child(
        string Name,
        Func<Task<ReconciliationResult<IKubernetesObject<V1ObjectMeta>>>> FinalizeAsync,
        Func<IConditionsStatus> Status,
        Func<string, Task<bool>> ExistsInKonnectAsync)
    {
        public static async Task<Child> ReadyAsync(ControllerRig rig, string kind, bool orphan = false)
        {
            var policy = orphan ? DeletionPolicy.Orphan : DeletionPolicy.Delete;
            switch (kind)
            {
                case "Scope":
                    {
                        var scope = TestEntities.Scope(spec: s => s.DeletionPolicy = policy);
                        Assert.True((await rig.ReconcileAsync(rig.ScopeController, scope)).IsSuccess);
                        var id = rig.Stored(scope).Status.Id ?? throw new InvalidOperationException("The scope has no id.");
                        return new(
                            scope.Metadata.Name,
                            async () => Erase(await rig.FinalizeAsync(rig.ScopeFinalizer, scope)),
                            () => rig.Stored(scope).Status,
                            async server => await rig.Api.Scopes.GetAsync(server, id, Ct) is not null);
                    }

                case "Claim":
                    {
                        var claim = TestEntities.Claim(spec: s => s.DeletionPolicy = policy);
                        Assert.True((await rig.ReconcileAsync(rig.ClaimController, claim)).IsSuccess);
                        var id = rig.Stored(claim).Status.Id ?? throw new InvalidOperationException("The claim has no id.");
                        return new(
                            claim.Metadata.Name,
                            async () => Erase(await rig.FinalizeAsync(rig.ClaimFinalizer, claim)),
                            () => rig.Stored(claim).Status,
                            async server => await rig.Api.Claims.GetAsync(server, id, Ct) is not null);
                    }

                default:
                    {
                        var client = TestEntities.Client(spec: s =>
                        {
                            s.GrantTypes = [GrantType.ClientCredentials];
                            s.DeletionPolicy = policy;
                        });
                        Assert.True((await rig.ReconcileAsync(rig.ClientController, client)).IsSuccess);
                        var id = rig.Stored(client).Status.Id ?? throw new InvalidOperationException("The client has no id.");
                        return new(
                            client.Metadata.Name,
                            async () => Erase(await rig.FinalizeAsync(rig.ClientFinalizer, client)),
                            () => rig.Stored(client).Status,
                            async server => await rig.Api.Clients.GetAsync(server, id, Ct) is not null);
                    }
            }
        }

        private static ReconciliationResult<IKubernetesObject<V1ObjectMeta>> Erase<TEntity>(ReconciliationResult<TEntity> result)
            where TEntity : IKubernetesObject<V1ObjectMeta> =>
            result.IsSuccess
                ? ReconciliationResult<IKubernetesObject<V1ObjectMeta>>.Success(result.Entity, result.RequeueAfter)
                : ReconciliationResult<IKubernetesObject<V1ObjectMeta>>.Failure(result.Entity, result.ErrorMessage, result.Error, result.RequeueAfter);
    }
}
