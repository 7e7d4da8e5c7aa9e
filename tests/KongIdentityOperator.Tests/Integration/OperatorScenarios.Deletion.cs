using k8s.Models;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Conditions;
using KongIdentityOperator.Tests.Integration.Harness;

namespace KongIdentityOperator.Tests.Integration;

public abstract partial class OperatorScenarios
{
    [Fact]
    public async Task Delete_removes_from_Konnect_and_Orphan_keeps_the_object_and_the_credentials()
    {
        await StartOperatorAsync();
        await ApplyTutorialAsync();
        await WaitForTutorialReadyAsync();
        var clientId = (await GetAsync<Client>("appointments-client"))!.Status.Id;

        await UpdateAsync<Claim>("test-claim", c => c.Spec.DeletionPolicy = DeletionPolicy.Orphan);
        await UpdateAsync<Client>("appointments-client", c => c.Spec.DeletionPolicy = DeletionPolicy.Orphan);
        await WaitForReadyAsync<Client>("appointments-client");

        await DeleteAsync<Claim>("test-claim");
        await DeleteAsync<UpstreamOAuthPolicy>("quickstart-upstream-oauth");
        await DeleteAsync<Client>("appointments-client");
        await WaitForGoneAsync<Claim>("test-claim");
        await WaitForGoneAsync<UpstreamOAuthPolicy>("quickstart-upstream-oauth");
        await WaitForGoneAsync<Client>("appointments-client");

        var snapshot = Konnect.Snapshot();
        Assert.Single(snapshot.AuthServers.Single().Claims);
        Assert.Equal(clientId, snapshot.AllClients.Single().Id);
        Assert.Empty(snapshot.AllPlugins);

        // The orphaned client still works with its credentials, which outlive the Client object.
        var secret = (await GetAsync<V1Secret>("appointments-client-credentials"))!;
        Assert.DoesNotContain(secret.Metadata.OwnerReferences ?? [], r => r.Kind == "Client");
        var (claims, error) = await TokenClient.RequestAsync(await ReadSecretAsync("appointments-client-credentials"), "my-scope", cancellationToken: Ct);
        Assert.Null(error);
        Assert.NotNull(claims);

        await DeleteAsync<Scope>("my-scope");
        await WaitForGoneAsync<Scope>("my-scope");
        Assert.Empty(Konnect.Snapshot().AuthServers.Single().Scopes);
    }

    [Fact]
    public async Task A_parent_deleted_before_its_children_waits_for_them_and_every_finalizer_exits()
    {
        await StartOperatorAsync();
        await ApplyTutorialAsync();
        await WaitForTutorialReadyAsync();

        await DeleteAsync<AuthServer>("appointments-dev");
        await DeleteAsync<V1Secret>(TestEnvironment.TokenSecretName);
        var waiting = await Eventually.MatchAsync(
            () => GetAsync<AuthServer>("appointments-dev"),
            a => a?.Status.Conditions.Get("Reconciling") is { Status: "True", Reason: "Deleting" },
            "the AuthServer to say it waits for its dependents");
        Assert.Contains("Client appointments-client", waiting!.Status.Conditions.Get("Reconciling")!.Message, StringComparison.Ordinal);
        Assert.NotNull(waiting.Metadata.DeletionTimestamp);
        Assert.Single(Konnect.Snapshot().AuthServers);

        // The token Secret is held (token-in-use) while objects still need it for their cleanup.
        var token = (await GetAsync<V1Secret>(TestEnvironment.TokenSecretName))!;
        Assert.NotNull(token.Metadata.DeletionTimestamp);

        await DeleteAsync<UpstreamOAuthPolicy>("quickstart-upstream-oauth");
        await DeleteAsync<Client>("appointments-client");
        await DeleteAsync<Claim>("test-claim");
        await DeleteAsync<Scope>("my-scope");
        foreach (var wait in new[]
                 {
                     WaitForGoneAsync<UpstreamOAuthPolicy>("quickstart-upstream-oauth"), WaitForGoneAsync<Client>("appointments-client"),
                     WaitForGoneAsync<Claim>("test-claim"), WaitForGoneAsync<Scope>("my-scope"), WaitForGoneAsync<AuthServer>("appointments-dev"),
                     WaitForGoneAsync<V1Secret>(TestEnvironment.TokenSecretName), WaitForGoneAsync<V1Secret>("appointments-client-credentials"),
                 })
        {
            await wait;
        }

        var snapshot = Konnect.Snapshot();
        Assert.Empty(snapshot.AuthServers);
        Assert.Empty(snapshot.AllPlugins);
    }

    [Fact]
    public async Task Objects_already_deleted_in_Konnect_still_finalize()
    {
        await StartOperatorAsync();
        await ApplyTutorialAsync();
        await WaitForTutorialReadyAsync();
        var authServer = (await GetAsync<AuthServer>("appointments-dev"))!;
        var policy = (await GetAsync<UpstreamOAuthPolicy>("quickstart-upstream-oauth"))!;
        using (var direct = new KonnectDirect(Konnect.BaseAddress))
        {
            await direct.SendAsync(HttpMethod.Delete, $"/v2/control-planes/{policy.Status.ControlPlaneId}/core-entities/plugins/{policy.Status.Id}");
            await direct.SendAsync(HttpMethod.Delete, $"/v1/auth-servers/{authServer.Status.Id}?force=true");
        }

        foreach (var name in new[] { "quickstart-upstream-oauth", "appointments-client", "test-claim", "my-scope", "appointments-dev" })
        {
            await (name switch
            {
                "quickstart-upstream-oauth" => DeleteAsync<UpstreamOAuthPolicy>(name),
                "appointments-client" => DeleteAsync<Client>(name),
                "test-claim" => DeleteAsync<Claim>(name),
                "my-scope" => DeleteAsync<Scope>(name),
                _ => DeleteAsync<AuthServer>(name),
            });
        }

        await WaitForGoneAsync<UpstreamOAuthPolicy>("quickstart-upstream-oauth");
        await WaitForGoneAsync<Client>("appointments-client");
        await WaitForGoneAsync<Claim>("test-claim");
        await WaitForGoneAsync<Scope>("my-scope");
        await WaitForGoneAsync<AuthServer>("appointments-dev");
        Assert.Empty(Konnect.Snapshot().AuthServers);
    }
}
