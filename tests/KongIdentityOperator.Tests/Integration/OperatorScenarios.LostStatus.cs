using k8s.Models;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Tests.Integration.Harness;

namespace KongIdentityOperator.Tests.Integration;

public abstract partial class OperatorScenarios
{
    [Fact]
    public async Task A_lost_status_is_recovered_without_a_second_Konnect_object()
    {
        await StartOperatorAsync(resyncPeriod: TimeSpan.FromSeconds(2));
        await ApplyTutorialAsync();
        await WaitForTutorialReadyAsync();
        var before = Konnect.Snapshot();
        var ids = new Dictionary<string, string?>
        {
            ["authserver"] = (await GetAsync<AuthServer>("appointments-dev"))!.Status.Id,
            ["scope"] = (await GetAsync<Scope>("my-scope"))!.Status.Id,
            ["claim"] = (await GetAsync<Claim>("test-claim"))!.Status.Id,
            ["client"] = (await GetAsync<Client>("appointments-client"))!.Status.Id,
            ["policy"] = (await GetAsync<UpstreamOAuthPolicy>("quickstart-upstream-oauth"))!.Status.Id,
        };

        // What a backup restore or a re-created object looks like to the operator: the same spec and annotations, no status.
        await WipeStatusAsync<AuthServer>("appointments-dev", a => a.Status = new AuthServerStatus());
        await WipeStatusAsync<Scope>("my-scope", s => s.Status = new ScopeStatus());
        await WipeStatusAsync<Claim>("test-claim", c => c.Status = new ClaimStatus());
        await WipeStatusAsync<Client>("appointments-client", c => c.Status = new ClientStatus());
        await WipeStatusAsync<UpstreamOAuthPolicy>("quickstart-upstream-oauth", p => p.Status = new UpstreamOAuthPolicyStatus());

        await Eventually.TrueAsync(
            async () => (await GetAsync<AuthServer>("appointments-dev"))!.Status.Id == ids["authserver"]
                && (await GetAsync<Scope>("my-scope"))!.Status.Id == ids["scope"]
                && (await GetAsync<Claim>("test-claim"))!.Status.Id == ids["claim"]
                && (await GetAsync<Client>("appointments-client"))!.Status.Id == ids["client"]
                && (await GetAsync<UpstreamOAuthPolicy>("quickstart-upstream-oauth"))!.Status.Id == ids["policy"],
            "every status recovered with the same Konnect ids");
        await WaitForTutorialReadyAsync();

        var after = Konnect.Snapshot();
        var authServer = Assert.Single(after.AuthServers);
        Assert.Equal(ids["scope"], Assert.Single(authServer.Scopes).Id);
        Assert.Equal(ids["claim"], Assert.Single(authServer.Claims).Id);
        Assert.Equal(ids["client"], Assert.Single(authServer.Clients).Id);
        Assert.Equal(ids["policy"], Assert.Single(after.AllPlugins).Id);
        Assert.Equal(before.AllClients.Single().Secrets.Count, after.AllClients.Single().Secrets.Count);
        var (claims, error) = await TokenClient.RequestAsync(await ReadSecretAsync("appointments-client-credentials"), "my-scope", cancellationToken: Ct);
        Assert.Null(error);
        Assert.Equal("test", claims!["test-claim"]!.GetValue<string>());
    }

    private async Task WipeStatusAsync<T>(string name, Action<T> wipe)
        where T : class, k8s.IKubernetesObject<V1ObjectMeta>
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = (await GetAsync<T>(name))!;
            wipe(current);
            try
            {
                await Env.Client.UpdateStatusAsync(current, Ct);
                return;
            }
            catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Conflict && attempt < 10)
            {
                // The operator wrote in between (a resync); read again.
            }
        }
    }
}
