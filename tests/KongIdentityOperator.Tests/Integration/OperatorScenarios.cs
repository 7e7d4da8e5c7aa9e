using k8s.Models;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Conditions;
using KongIdentityOperator.Tests.Integration.Harness;

namespace KongIdentityOperator.Tests.Integration;

/// <summary>
/// The operator end to end, over HTTP, against a cluster and the Konnect emulator. Every scenario runs on the sandbox;
/// the same scenarios run on k3s where Docker is available (<see cref="K3sScenarios"/>).
/// </summary>
public abstract partial class OperatorScenarios : ScenarioBase
{
    private static readonly string[] SampleOrder =
        ["authserver.yaml", "scope.yaml", "claim.yaml", "client.yaml", "upstreamoauthpolicy.yaml"];

    [Fact]
    public async Task Tutorial_converges_and_the_generated_Secret_gets_a_token_with_the_claim()
    {
        await StartOperatorAsync();
        await ApplyTutorialAsync(SampleOrder);
        await WaitForTutorialReadyAsync();

        var credentials = await ReadSecretAsync("appointments-client-credentials");
        Assert.Equal(["audience", "client_id", "client_secret", "issuer", "scopes", "token_endpoint"], credentials.Keys.Order(StringComparer.Ordinal));
        var authServer = (await GetAsync<AuthServer>("appointments-dev"))!;
        Assert.Equal(authServer.Status.Issuer, credentials["issuer"]);
        Assert.Equal(authServer.Status.Issuer + "/oauth/token", credentials["token_endpoint"]);
        Assert.Equal("my-scope", credentials["scopes"]);
        Assert.Equal("http://myhttpbin.dev", credentials["audience"]);

        var (claims, error) = await TokenClient.RequestAsync(credentials, "my-scope", cancellationToken: Ct);
        Assert.Null(error);
        Assert.Equal("test", claims!["test-claim"]!.GetValue<string>());
        Assert.Equal("http://myhttpbin.dev", claims["aud"]!.GetValue<string>());
        Assert.Equal(3600, claims["exp"]!.GetValue<long>() - claims["iat"]!.GetValue<long>());
        var (withoutScope, _) = await TokenClient.RequestAsync(credentials, cancellationToken: Ct);
        Assert.False(withoutScope!.ContainsKey("test-claim"));

        // Konnect holds exactly the tutorial, and the plugin carries the Secret's credentials and the scope name.
        var snapshot = Konnect.Snapshot();
        var remote = Assert.Single(snapshot.AuthServers);
        Assert.Equal("Appointments Dev", remote.Name);
        Assert.Equal("my-scope", Assert.Single(remote.Scopes).Name);
        Assert.Equal("test-claim", Assert.Single(remote.Claims).Name);
        Assert.Equal(credentials["client_id"], Assert.Single(remote.Clients).Id);
        var plugin = Assert.Single(snapshot.AllPlugins);
        Assert.Equal("upstream-oauth", plugin.Name);
        Assert.Null(plugin.ServiceId);
        Assert.Null(plugin.RouteId);
        var oauth = plugin.Config.GetProperty("oauth");
        Assert.Equal(credentials["token_endpoint"], oauth.GetProperty("token_endpoint").GetString());
        Assert.Equal(credentials["client_id"], oauth.GetProperty("client_id").GetString());
        Assert.Equal(credentials["client_secret"], oauth.GetProperty("client_secret").GetString());
        Assert.Equal(["my-scope"], oauth.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Applied_in_reverse_order_the_tutorial_converges()
    {
        await StartOperatorAsync();
        await ApplyTutorialAsync([.. SampleOrder.Reverse()]);
        await WaitForTutorialReadyAsync();
        var (claims, error) = await TokenClient.RequestAsync(await ReadSecretAsync("appointments-client-credentials"), "my-scope", cancellationToken: Ct);
        Assert.Null(error);
        Assert.Equal("test", claims!["test-claim"]!.GetValue<string>());
        Assert.Single(Konnect.Snapshot().AllClients);
    }

    [Fact]
    public async Task A_missing_ref_waits_then_becomes_ready_soon_after_the_ref_appears()
    {
        await StartOperatorAsync();
        await ApplySampleAsync<Scope>("scope.yaml");
        var waiting = await WaitForConditionAsync<Scope>("my-scope", "ResolvedRefs", "False", "WaitingForRef");
        Assert.Contains("appointments-dev", waiting.Status.Conditions.Get("ResolvedRefs")!.Message, StringComparison.Ordinal);
        Assert.True(waiting.Status.Conditions.IsTrue("Reconciling"));
        Assert.Equal(0, KonnectWrites());

        await ApplySampleAsync<AuthServer>("authserver.yaml");
        var ready = await WaitForReadyAsync<Scope>("my-scope", TimeSpan.FromSeconds(20));
        Assert.True(ready.Status.Conditions.IsTrue("ResolvedRefs"));
    }

    private Task ApplyTutorialAsync() => ApplyTutorialAsync(SampleOrder);

    private async Task ApplyTutorialAsync(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            _ = file switch
            {
                "authserver.yaml" => (object)await ApplySampleAsync<AuthServer>(file),
                "scope.yaml" => await ApplySampleAsync<Scope>(file),
                "claim.yaml" => await ApplySampleAsync<Claim>(file),
                "client.yaml" => await ApplySampleAsync<Client>(file),
                _ => await ApplySampleAsync<UpstreamOAuthPolicy>(file),
            };
        }
    }

    private async Task WaitForTutorialReadyAsync()
    {
        await WaitForReadyAsync<AuthServer>("appointments-dev");
        await WaitForReadyAsync<Scope>("my-scope");
        await WaitForReadyAsync<Claim>("test-claim");
        await WaitForReadyAsync<Client>("appointments-client");
        await WaitForReadyAsync<UpstreamOAuthPolicy>("quickstart-upstream-oauth");
    }
}
