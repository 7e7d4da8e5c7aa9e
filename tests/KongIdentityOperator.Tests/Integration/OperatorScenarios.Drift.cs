using KongIdentityOperator.Entities;
using KongIdentityOperator.Tests.Integration.Harness;

namespace KongIdentityOperator.Tests.Integration;

public abstract partial class OperatorScenarios
{
    [Fact]
    public async Task Drift_made_directly_in_Konnect_is_corrected_on_resync()
    {
        await StartOperatorAsync(resyncPeriod: TimeSpan.FromSeconds(2));
        await ApplyTutorialAsync();
        await WaitForTutorialReadyAsync();
        var credentials = await ReadSecretAsync("appointments-client-credentials");
        var authServer = (await GetAsync<AuthServer>("appointments-dev"))!;
        var scope = (await GetAsync<Scope>("my-scope"))!;
        using var direct = new KonnectDirect(Konnect.BaseAddress);

        // Someone edits the auth server, deletes the scope and deletes the client in the Konnect UI.
        await direct.SendAsync(HttpMethod.Patch, $"/v1/auth-servers/{authServer.Status.Id}", new { audience = "http://elsewhere", description = "edited by hand" });
        await direct.SendAsync(HttpMethod.Delete, $"/v1/auth-servers/{authServer.Status.Id}/scopes/{scope.Status.Id}");
        await direct.SendAsync(HttpMethod.Delete, $"/v1/auth-servers/{authServer.Status.Id}/clients/{credentials["client_id"]}");

        await Eventually.TrueAsync(
            () =>
            {
                var remote = Konnect.Snapshot().AuthServers.Single();
                return remote.Audience == "http://myhttpbin.dev" && remote.Description == "Auth server for the appointments API (dev)"
                    && remote.Scopes.Any(s => s.Name == "my-scope") && remote.Clients.Any(c => c.Id == credentials["client_id"]);
            },
            "the auth server, scope and client restored in Konnect");

        // The scope came back under a new id; the client, claim and policy follow it, and the same Secret works again.
        await Eventually.TrueAsync(
            async () =>
            {
                var (claims, _) = await TokenClient.RequestAsync(await ReadSecretAsync("appointments-client-credentials"), "my-scope", cancellationToken: Ct);
                return claims?["test-claim"]?.GetValue<string>() == "test";
            },
            "a token with my-scope and test-claim from the unchanged Secret");
        Assert.Equal(credentials["client_secret"], (await ReadSecretAsync("appointments-client-credentials"))["client_secret"]);
        Assert.Single(Konnect.Snapshot().AllClients);
    }
}
