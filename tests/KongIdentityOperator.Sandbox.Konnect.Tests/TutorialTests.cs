using System.Net;
using System.Text.Json;
using KongIdentityOperator.Sandbox.Konnect.Tests.Support;

namespace KongIdentityOperator.Sandbox.Konnect.Tests;

/// <summary>Kong's tutorial "Configure the Upstream OAuth plugin with Kong Identity", replayed with its own request bodies.</summary>
public sealed class TutorialTests
{
    [Fact]
    public async Task Tutorial_issues_a_token_that_validates_against_the_jwks_with_the_scoped_claim()
    {
        await using var api = await EmulatorClient.StartAsync();

        var server = await api.CreateAsync("/v1/auth-servers", """
            {"name": "Appointments Dev", "audience": "http://myhttpbin.dev", "description": "Auth server for the Appointment dev environment"}
            """);
        var serverId = server.String("id");
        var issuer = server.String("issuer");
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/_issuer/[a-z0-9]{16}/auth$", issuer);
        Assert.Equal(issuer + "/.well-known/openid-configuration", server.String("metadata_uri"));
        Assert.Equal(issuer + "/.well-known/jwks", server.String("jwks_uri"));

        var scopeId = (await api.CreateAsync($"/v1/auth-servers/{serverId}/scopes", """
            {"name": "my-scope", "description": "Scope to test Kong Identity", "default": false, "include_in_metadata": false, "enabled": true}
            """)).String("id");
        await api.CreateAsync($"/v1/auth-servers/{serverId}/claims", $$"""
            {"name": "test-claim", "value": "test", "include_in_token": true, "include_in_all_scopes": false, "include_in_scopes": ["{{scopeId}}"], "enabled": true}
            """);
        var client = await api.CreateAsync($"/v1/auth-servers/{serverId}/clients", $$"""
            {"name": "Client", "grant_types": ["client_credentials"], "allow_all_scopes": false, "allow_scopes": ["{{scopeId}}"],
             "access_token_duration": 3600, "id_token_duration": 3600, "response_types": ["id_token", "token"]}
            """);
        var clientId = client.String("id");
        var clientSecret = client.String("client_secret");

        var planeId = await api.CreateControlPlaneAsync("quickstart");
        var plugin = await api.CreateAsync($"/v2/control-planes/{planeId}/core-entities/plugins", $$$"""
            {"name": "upstream-oauth",
             "config": {"oauth": {"token_endpoint": "{{{issuer}}}/oauth/token", "grant_type": "client_credentials",
                                  "client_id": "{{{clientId}}}", "client_secret": "{{{clientSecret}}}", "scopes": ["my-scope"]},
                        "behavior": {"upstream_access_token_header_name": "Authorization"} } }
            """);
        var oauth = plugin.Body.GetProperty("config").GetProperty("oauth");
        Assert.Equal(issuer + "/oauth/token", oauth.GetProperty("token_endpoint").GetString());
        Assert.Equal(["my-scope"], oauth.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));

        var scoped = await api.RequestTokenAsync(issuer + "/oauth/token", new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["scope"] = "my-scope",
        });
        Assert.Equal(HttpStatusCode.OK, scoped.Status);
        Assert.Equal("Bearer", scoped.String("token_type"));
        Assert.Equal(3600, scoped.Body.GetProperty("expires_in").GetInt32());
        Assert.Equal("my-scope", scoped.String("scope"));

        var validation = await Tokens.ValidateAsync(scoped.String("access_token"), server.String("metadata_uri"), "http://myhttpbin.dev");
        Assert.True(validation.IsValid, validation.Exception?.Message);
        var token = Tokens.Read(scoped.String("access_token"));
        Assert.Equal(3600, (token.ValidTo - token.IssuedAt).TotalSeconds);
        Assert.Equal("test", token.GetClaim("test-claim").Value);
        Assert.Equal(clientId, token.Subject);
        Assert.Equal(issuer, token.Issuer);
        Assert.Equal("my-scope", token.GetClaim("scope").Value);

        var unscoped = await api.RequestTokenAsync(issuer + "/oauth/token", new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        });
        Assert.Equal(HttpStatusCode.OK, unscoped.Status);
        var bare = Tokens.Read(unscoped.String("access_token"));
        Assert.True((await Tokens.ValidateAsync(unscoped.String("access_token"), server.String("metadata_uri"), "http://myhttpbin.dev")).IsValid);
        Assert.False(bare.TryGetClaim("test-claim", out _));
        Assert.False(bare.TryGetClaim("scope", out _));
    }

    [Fact]
    public async Task Seeded_tutorial_has_quickstart_with_example_service_and_route()
    {
        await using var api = await EmulatorClient.StartAsync(o => o.SeedTutorial = true);

        var planes = await api.GetAsync("/v2/control-planes?filter[name][eq]=quickstart");
        var plane = Assert.Single(planes.Body.GetProperty("data").EnumerateArray());
        var planeId = plane.GetProperty("id").GetString();
        var service = await api.GetAsync($"/v2/control-planes/{planeId}/core-entities/services/example-service");
        Assert.Equal(HttpStatusCode.OK, service.Status);
        Assert.Equal("httpbin.konghq.com", service.String("host"));
        Assert.Equal("/anything", service.String("path"));
        Assert.Equal(80, service.Body.GetProperty("port").GetInt32());
        Assert.Equal("http", service.String("protocol"));
        var route = await api.GetAsync($"/v2/control-planes/{planeId}/core-entities/routes/example-route");
        Assert.Equal(["/anything"], route.Body.GetProperty("paths").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(service.String("id"), route.Body.GetProperty("service").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Number, route.Body.GetProperty("created_at").ValueKind);
    }
}
