using System.Net;
using KongIdentityOperator.Chaos.Harness;
using KongIdentityOperator.Entities;

namespace KongIdentityOperator.Chaos.Adversarial;

/// <summary>A namespace tries to make the operator call a server of its choosing, with any token it can get.</summary>
[Collection(AdversarialCollection.Name)]
public sealed class ServerAttacks(AdversarialWorld world)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_server_url_of_the_attackers_server_gets_no_request_even_where_the_default_token_is_granted()
    {
        // The platform namespace may use the operator's default token: the allowed list still stands between it and any server.
        await world.CreateAsync(new AuthServer { Metadata = new() { Name = "exfiltrate", NamespaceProperty = AdversarialWorld.Platform }, Spec = new() { Audience = "a", Konnect = new() { ServerUrl = world.Recorder.BaseAddress.ToString() } } });

        var message = await world.RefusedAsync<AuthServer>(AdversarialWorld.Platform, "exfiltrate", "ServerNotAllowed");

        Assert.Contains("--allowed-konnect-servers", message, StringComparison.Ordinal);
        world.AssertRecorderSilent();
    }

    [Fact]
    public async Task A_server_url_of_the_attackers_server_gets_no_request_with_the_attackers_own_token()
    {
        var attacker = await world.AttackerAsync("own-token");
        await world.CreateAsync(new AuthServer { Metadata = new() { Name = "exfiltrate", NamespaceProperty = attacker.Namespace }, Spec = new() { Audience = "a", Konnect = new() { ServerUrl = world.Recorder.BaseAddress.ToString(), TokenSecretRef = new() { Name = ChaosSandbox.TokenSecretName } } } });

        await world.RefusedAsync<AuthServer>(attacker.Namespace, "exfiltrate", "ServerNotAllowed");

        world.AssertRecorderSilent();
        Assert.Empty(world.CallsWith(attacker.Token));
    }

    [Fact]
    public async Task Lookalikes_of_an_allowed_server_get_no_request()
    {
        var attacker = await world.AttackerAsync("lookalikes");
        var allowed = new Uri(world.ServerUrl);
        string[] lookalikes =
        [
            $"http://localhost:{allowed.Port}",
            $"{world.ServerUrl}/v1",
            $"https://127.0.0.1:{allowed.Port}",
            $"http://127.0.0.1:{world.Recorder.BaseAddress.Port}",
            $"http://127.0.0.2:{allowed.Port}",
            $"http://[::1]:{allowed.Port}",
        ];
        for (var i = 0; i < lookalikes.Length; i++)
        {
            await world.CreateAsync(new AuthServer { Metadata = new() { Name = $"lookalike-{i}", NamespaceProperty = attacker.Namespace }, Spec = new() { Audience = "a", Konnect = new() { ServerUrl = lookalikes[i], TokenSecretRef = new() { Name = ChaosSandbox.TokenSecretName } } } });
        }

        for (var i = 0; i < lookalikes.Length; i++)
        {
            await world.RefusedAsync<AuthServer>(attacker.Namespace, $"lookalike-{i}", "ServerNotAllowed");
        }

        Assert.Empty(world.CallsWith(attacker.Token));
        world.AssertRecorderSilent();
    }

    [Fact]
    public async Task A_region_outside_the_allowed_list_gets_no_request()
    {
        var attacker = await world.AttackerAsync("region");
        await world.CreateAsync(new AuthServer { Metadata = new() { Name = "elsewhere", NamespaceProperty = attacker.Namespace }, Spec = new() { Audience = "a", Konnect = new() { Region = KonnectRegion.Us, TokenSecretRef = new() { Name = ChaosSandbox.TokenSecretName } } } });

        await world.RefusedAsync<AuthServer>(attacker.Namespace, "elsewhere", "ServerNotAllowed");

        Assert.Empty(world.CallsWith(attacker.Token));
    }

    [Theory]
    [InlineData("https://spat_stolen@us.api.konghq.com")]
    [InlineData("https://us.api.konghq.com@evil.example.com")]
    [InlineData("https://us.api.konghq.com/?redirect=https://evil.example.com")]
    [InlineData("https://us.api.konghq.com/#fragment")]
    [InlineData("https://us.api.konghq.com\\@evil.example.com")]
    [InlineData("https://us.api.konghq.com /v1")]
    public async Task A_server_url_with_user_info_a_query_or_a_fragment_is_refused_at_admission(string serverUrl)
    {
        var attacker = await world.AttackerAsync("url-parts");
        var yaml = BadInput.Manifest.Of("AuthServer", "smuggled", $"{{audience: a, konnect: {{serverURL: '{serverUrl}'}}}}");

        var (status, message) = await world.PostAsync(yaml, attacker.Namespace);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("spec.konnect.serverURL", message, StringComparison.Ordinal);
        Assert.Null(await world.Sandbox.Client.GetAsync<AuthServer>("smuggled", attacker.Namespace, Ct));
    }

    [Fact]
    public async Task A_redirect_from_an_allowed_server_is_not_followed()
    {
        var attacker = await world.AttackerAsync("redirect");
        await world.CreateAsync(new AuthServer { Metadata = new() { Name = "bounced", NamespaceProperty = attacker.Namespace }, Spec = new() { Audience = "a", Konnect = new() { ServerUrl = world.Redirector.BaseAddress.ToString(), TokenSecretRef = new() { Name = ChaosSandbox.TokenSecretName } } } });

        await world.RefusedAsync<AuthServer>(attacker.Namespace, "bounced", "KonnectRejected");

        Assert.NotEmpty(world.Redirector.Requests);
        world.AssertRecorderSilent();
    }

    [Fact]
    public async Task A_policys_own_server_url_is_held_to_the_same_list()
    {
        var attacker = await world.AttackerAsync("policy-server");
        await world.OwnAuthServerAsync(attacker.Namespace);
        await world.CreateAsync(new Client { Metadata = new() { Name = "app", NamespaceProperty = attacker.Namespace }, Spec = new() { AuthServerRef = new() { Name = "own" } } });
        await Wait.ForReadyAsync<Client>(world.Sandbox.Client, attacker.Namespace, "app", Ct);
        await world.CreateAsync(new UpstreamOAuthPolicy
        {
            Metadata = new() { Name = "exfiltrate", NamespaceProperty = attacker.Namespace },
            Spec = new() { ControlPlaneRef = new() { Name = "quickstart" }, ClientRef = new() { Name = "app" }, Konnect = new() { ServerUrl = world.Recorder.BaseAddress.ToString(), TokenSecretRef = new() { Name = ChaosSandbox.TokenSecretName } } },
        });

        await world.RefusedAsync<UpstreamOAuthPolicy>(attacker.Namespace, "exfiltrate", "ServerNotAllowed");

        world.AssertRecorderSilent();
    }
}
