using KongIdentityOperator.Entities;
using KongIdentityOperator.Tests.Integration.Harness;

namespace KongIdentityOperator.Tests.Integration;

public abstract partial class OperatorScenarios
{
    [Fact]
    public async Task An_update_of_each_mutable_field_reaches_Konnect_with_one_write_and_nothing_else()
    {
        await StartOperatorAsync();
        await ApplyTutorialAsync();
        await WaitForTutorialReadyAsync();
        await SettleAsync();

        await ExpectSingleWriteAsync<AuthServer>("appointments-dev", a => a.Spec.Description = "changed", "PATCH /v1/auth-servers/{authServerId}");
        Assert.Equal("changed", Konnect.Snapshot().AuthServers[0].Description);

        await ExpectSingleWriteAsync<Scope>("my-scope", s => s.Spec.Description = "changed too", "PATCH /v1/auth-servers/{authServerId}/scopes/{scopeId}");
        Assert.Equal("changed too", Konnect.Snapshot().AuthServers[0].Scopes[0].Description);

        await ExpectSingleWriteAsync<Claim>("test-claim", c => c.Spec.Value = "${ .Client.Name }", "PATCH /v1/auth-servers/{authServerId}/claims/{claimId}");
        Assert.Equal("${ .Client.Name }", Konnect.Snapshot().AuthServers[0].Claims[0].Value);

        await ExpectSingleWriteAsync<Client>("appointments-client", c => c.Spec.AccessTokenDurationSeconds = 1800, "PATCH /v1/auth-servers/{authServerId}/clients/{clientId}");
        Assert.Equal(1800, Konnect.Snapshot().AllClients.Single().AccessTokenDuration);

        await ExpectSingleWriteAsync<UpstreamOAuthPolicy>(
            "quickstart-upstream-oauth",
            p => p.Spec.Behavior!.UpstreamAccessTokenHeaderName = "X-Upstream-Token",
            "PUT /v2/control-planes/{controlPlaneId}/core-entities/plugins/{pluginId}");
        Assert.Equal(
            "X-Upstream-Token",
            Konnect.Snapshot().AllPlugins.Single().Config.GetProperty("behavior").GetProperty("upstream_access_token_header_name").GetString());

        // The new claim template is live in tokens, and the Client still authenticates with the same Secret.
        var (claims, error) = await TokenClient.RequestAsync(await ReadSecretAsync("appointments-client-credentials"), "my-scope", cancellationToken: Ct);
        Assert.Null(error);
        Assert.Equal("Client", claims!["test-claim"]!.GetValue<string>());
    }

    /// <summary>Changes one object and asserts that exactly one Konnect write, on the expected route, followed.</summary>
    private async Task ExpectSingleWriteAsync<T>(string name, Action<T> change, string expectedRoute)
        where T : class, k8s.IKubernetesObject<k8s.Models.V1ObjectMeta>, IConditionedEntity
    {
        var before = Konnect.Requests.ByRoute;
        var writesBefore = KonnectWrites();
        await UpdateAsync(name, change);
        await WaitForReadyAsync<T>(name);
        await SettleAsync();

        var after = Konnect.Requests.ByRoute;
        Assert.Equal(1, after.GetValueOrDefault(expectedRoute) - before.GetValueOrDefault(expectedRoute));
        Assert.Equal(1, KonnectWrites() - writesBefore);
    }

    /// <summary>Waits until the operator has stopped calling Konnect for a while (all follow-up reconciles are done).</summary>
    private async Task SettleAsync()
    {
        var quietSince = DateTime.UtcNow;
        var last = Konnect.Requests.Total;
        await Eventually.TrueAsync(
            () =>
            {
                var now = Konnect.Requests.Total;
                if (now != last)
                {
                    last = now;
                    quietSince = DateTime.UtcNow;
                }

                return DateTime.UtcNow - quietSince > TimeSpan.FromSeconds(1.5);
            },
            "Konnect calls to settle");
    }
}
