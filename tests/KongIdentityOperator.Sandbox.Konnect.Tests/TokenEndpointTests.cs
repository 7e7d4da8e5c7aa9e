using System.Net;
using System.Text.Json;
using KongIdentityOperator.Sandbox.Konnect.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KongIdentityOperator.Sandbox.Konnect.Tests;

/// <summary>The issuer's token endpoint: client authentication, scopes, claim selection, templates and lifetimes.</summary>
public sealed class TokenEndpointTests
{
    [Fact]
    public async Task Client_secret_basic_and_client_secret_post_both_authenticate()
    {
        await using var api = await EmulatorClient.StartAsync();
        var setup = await IdentitySetup.CreateAsync(api);

        var post = await setup.TokenAsync();
        var basic = await api.RequestTokenAsync(
            setup.TokenEndpoint,
            new Dictionary<string, string> { ["grant_type"] = "client_credentials" },
            (setup.ClientId, setup.ClientSecret));

        Assert.Equal(HttpStatusCode.OK, post.Status);
        Assert.Equal(HttpStatusCode.OK, basic.Status);
        Assert.Equal(setup.ClientId, Tokens.Read(basic.String("access_token")).GetClaim("client_id").Value);
        Assert.Equal("no-store", post.Header("Cache-Control"));
    }

    [Fact]
    public async Task A_wrong_secret_or_unknown_client_is_invalid_client()
    {
        await using var api = await EmulatorClient.StartAsync();
        var setup = await IdentitySetup.CreateAsync(api);

        var wrongSecret = await setup.TokenAsync(secret: "nope");
        var wrongBasic = await api.RequestTokenAsync(
            setup.TokenEndpoint,
            new Dictionary<string, string> { ["grant_type"] = "client_credentials" },
            (setup.ClientId, "nope"));
        var unknownClient = await api.RequestTokenAsync(setup.TokenEndpoint, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "ghost",
            ["client_secret"] = "x",
        });

        foreach (var response in new[] { wrongSecret, wrongBasic, unknownClient })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
            Assert.Equal("invalid_client", response.String("error"));
            Assert.False(string.IsNullOrEmpty(response.String("error_description")));
        }

        Assert.StartsWith("Basic", wrongBasic.Header("WWW-Authenticate"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scopes_the_client_may_not_have_are_invalid_scope()
    {
        await using var api = await EmulatorClient.StartAsync();
        string allowed = "", disabled = "";
        var setup = await IdentitySetup.CreateAsync(api, async serverId =>
        {
            allowed = await api.CreateScopeAsync(serverId, "allowed");
            await api.CreateScopeAsync(serverId, "forbidden");
            disabled = await api.CreateScopeAsync(serverId, "disabled", ""","enabled":false""");
            return $$""","allow_scopes":["{{allowed}}","{{disabled}}"]""";
        });

        Assert.Equal(HttpStatusCode.OK, (await setup.TokenAsync("allowed")).Status);
        foreach (var scope in new[] { "forbidden", "disabled", "unknown", "allowed forbidden" })
        {
            var response = await setup.TokenAsync(scope);
            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal("invalid_scope", response.String("error"));
        }
    }

    [Fact]
    public async Task Other_grant_types_and_clients_without_client_credentials_are_refused()
    {
        await using var api = await EmulatorClient.StartAsync();
        var setup = await IdentitySetup.CreateAsync(api);
        var implicitOnly = await api.CreateAsync($"/v1/auth-servers/{setup.ServerId}/clients", """{"name":"spa","grant_types":["implicit"],"response_types":["token"]}""");

        var password = await api.RequestTokenAsync(setup.TokenEndpoint, new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = setup.ClientId,
            ["client_secret"] = setup.ClientSecret,
        });
        var notAllowed = await api.RequestTokenAsync(setup.TokenEndpoint, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = implicitOnly.String("id"),
            ["client_secret"] = implicitOnly.String("client_secret"),
        });

        Assert.Equal("unsupported_grant_type", password.String("error"));
        Assert.Equal("unauthorized_client", notAllowed.String("error"));
    }

    [Fact]
    public async Task Enabled_default_scopes_the_client_is_allowed_are_granted_without_asking()
    {
        await using var api = await EmulatorClient.StartAsync();
        var setup = await IdentitySetup.CreateAsync(api, async serverId =>
        {
            await api.CreateScopeAsync(serverId, "requested");
            await api.CreateScopeAsync(serverId, "always", ""","default":true""");
            await api.CreateScopeAsync(serverId, "off", ""","default":true,"enabled":false""");
            return ""","allow_all_scopes":true""";
        });

        var unscoped = await setup.TokenAsync();
        var scoped = await setup.TokenAsync("requested");

        Assert.Equal("always", unscoped.String("scope"));
        Assert.Equal("requested always", scoped.String("scope"));
        Assert.Equal("requested always", Tokens.Read(scoped.String("access_token")).GetClaim("scope").Value);
    }

    [Fact]
    public async Task Claims_follow_include_in_token_all_scopes_specific_scopes_no_scope_and_enabled()
    {
        await using var api = await EmulatorClient.StartAsync();
        var setup = await IdentitySetup.CreateAsync(api, async serverId =>
        {
            var read = await api.CreateScopeAsync(serverId, "read");
            var claims = $"/v1/auth-servers/{serverId}/claims";
            await api.CreateAsync(claims, """{"name":"always","value":"a","include_in_token":true,"include_in_all_scopes":true}""");
            await api.CreateAsync(claims, $$"""{"name":"reader","value":"r","include_in_token":true,"include_in_scopes":["{{read}}"]}""");
            await api.CreateAsync(claims, """{"name":"bare","value":"b","include_in_token":true}""");
            await api.CreateAsync(claims, """{"name":"never","value":"n","include_in_token":false,"include_in_all_scopes":true}""");
            await api.CreateAsync(claims, """{"name":"off","value":"o","include_in_token":true,"include_in_all_scopes":true,"enabled":false}""");
            return $$""","allow_scopes":["{{read}}"]""";
        });

        var unscoped = Tokens.Read((await setup.TokenAsync()).String("access_token"));
        var scoped = Tokens.Read((await setup.TokenAsync("read")).String("access_token"));

        Assert.Equal(["always", "bare"], CustomClaims(unscoped));
        Assert.Equal(["always", "reader"], CustomClaims(scoped));
    }

    [Fact]
    public async Task Templates_render_client_and_auth_server_values_and_uuids()
    {
        await using var api = await EmulatorClient.StartAsync();
        var setup = await IdentitySetup.CreateAsync(api, async serverId =>
        {
            var claims = $"/v1/auth-servers/{serverId}/claims";
            foreach (var (name, value) in new[]
            {
                ("client_name", "${ .Client.Name }"),
                ("cid", "${.Client.ID}"),
                ("audience", "${ .AuthServer.Audience }"),
                ("server", "${ .AuthServer.Name }"),
                ("uuid", "${ uuidv4 }"),
                ("combined", "${ .AuthServer.Audience }-${ .Client.ID }"),
                ("env", "${ .Client.Labels.env | default \\\"dev\\\" | upper }"),
            })
            {
                await api.CreateAsync(claims, $$"""{"name":"{{name}}","value":"{{value}}","include_in_token":true,"include_in_all_scopes":true}""");
            }

            return "";
        });

        var first = Tokens.Read((await setup.TokenAsync()).String("access_token"));
        var second = Tokens.Read((await setup.TokenAsync()).String("access_token"));

        Assert.Equal("orders-client", first.GetClaim("client_name").Value);
        Assert.Equal(setup.ClientId, first.GetClaim("cid").Value);
        Assert.Equal("api://orders", first.GetClaim("audience").Value);
        Assert.Equal("s", first.GetClaim("server").Value);
        Assert.True(Guid.TryParse(first.GetClaim("uuid").Value, out _));
        Assert.NotEqual(first.GetClaim("uuid").Value, second.GetClaim("uuid").Value);
        Assert.Equal($"api://orders-{setup.ClientId}", first.GetClaim("combined").Value);
        Assert.Equal("PROD", first.GetClaim("env").Value);
    }

    [Fact]
    public async Task Static_values_that_are_valid_json_become_json_in_the_token()
    {
        await using var api = await EmulatorClient.StartAsync();
        var setup = await IdentitySetup.CreateAsync(api, async serverId =>
        {
            var claims = $"/v1/auth-servers/{serverId}/claims";
            foreach (var (name, value) in new[]
            {
                ("obj", """{\"tier\":\"gold\",\"level\":3}"""),
                ("list", """[\"a\",\"b\"]"""),
                ("number", "42"),
                ("flag", "true"),
                ("text", "plain text"),
            })
            {
                await api.CreateAsync(claims, $$"""{"name":"{{name}}","value":"{{value}}","include_in_token":true,"include_in_all_scopes":true}""");
            }

            return "";
        });

        var token = (await setup.TokenAsync()).String("access_token");
        using var payload = JsonDocument.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(token.Split('.')[1]));
        var root = payload.RootElement;

        Assert.Equal("gold", root.GetProperty("obj").GetProperty("tier").GetString());
        Assert.Equal(3, root.GetProperty("obj").GetProperty("level").GetInt32());
        Assert.Equal(["a", "b"], root.GetProperty("list").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(JsonValueKind.Number, root.GetProperty("number").ValueKind);
        Assert.Equal(JsonValueKind.True, root.GetProperty("flag").ValueKind);
        Assert.Equal("plain text", root.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Token_times_come_from_the_time_provider_and_follow_the_access_token_duration()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using var api = await EmulatorClient.StartAsync(o => o.TimeProvider = time);
        var setup = await IdentitySetup.CreateAsync(api, _ => Task.FromResult(""","access_token_duration":900"""));

        var response = await setup.TokenAsync();
        var token = Tokens.Read(response.String("access_token"));

        Assert.Equal(900, response.Body.GetProperty("expires_in").GetInt32());
        Assert.Equal(time.GetUtcNow().UtcDateTime, token.IssuedAt);
        Assert.Equal(time.GetUtcNow().UtcDateTime, token.ValidFrom);
        Assert.Equal(time.GetUtcNow().AddSeconds(900).UtcDateTime, token.ValidTo);
        Assert.NotEmpty(token.Id);
    }

    [Theory]
    [InlineData("RS256")]
    [InlineData("RS512")]
    [InlineData("PS256")]
    [InlineData("PS384")]
    public async Task Tokens_are_signed_with_the_auth_server_algorithm_and_key(string algorithm)
    {
        await using var api = await EmulatorClient.StartAsync();
        var setup = await IdentitySetup.CreateAsync(api, serverExtra: $$""","signing_algorithm":"{{algorithm}}" """);
        var metadata = setup.Issuer + "/.well-known/openid-configuration";

        var accessToken = (await setup.TokenAsync()).String("access_token");
        var validation = await Tokens.ValidateAsync(accessToken, metadata, "api://orders");
        var jwks = await api.GetAsync(setup.Issuer + "/.well-known/jwks");
        var key = Assert.Single(jwks.Body.GetProperty("keys").EnumerateArray());

        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.Equal(algorithm, Tokens.Read(accessToken).Alg);
        Assert.Equal(key.GetProperty("kid").GetString(), Tokens.Read(accessToken).Kid);
        Assert.Equal(algorithm, key.GetProperty("alg").GetString());
        Assert.False(key.TryGetProperty("d", out _));
    }

    [Fact]
    public async Task A_token_from_another_auth_server_does_not_validate_against_this_jwks()
    {
        await using var api = await EmulatorClient.StartAsync();
        var first = await IdentitySetup.CreateAsync(api);
        var other = await api.CreateAsync("/v1/auth-servers", """{"name":"other","audience":"api://orders"}""");

        var accessToken = (await first.TokenAsync()).String("access_token");
        var validation = await Tokens.ValidateAsync(accessToken, other.String("metadata_uri"), "api://orders");

        Assert.False(validation.IsValid);
    }

    [Fact]
    public async Task Discovery_lists_the_endpoints_and_metadata_scopes()
    {
        await using var api = await EmulatorClient.StartAsync();
        var setup = await IdentitySetup.CreateAsync(api, async serverId =>
        {
            await api.CreateScopeAsync(serverId, "listed", ""","include_in_metadata":true""");
            await api.CreateScopeAsync(serverId, "hidden");
            return "";
        });

        var discovery = await api.GetAsync(setup.Issuer + "/.well-known/openid-configuration");

        Assert.Equal(setup.Issuer, discovery.String("issuer"));
        Assert.Equal(setup.TokenEndpoint, discovery.String("token_endpoint"));
        Assert.Equal(setup.Issuer + "/.well-known/jwks", discovery.String("jwks_uri"));
        Assert.Equal(["listed"], discovery.Body.GetProperty("scopes_supported").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("client_secret_basic", discovery.Body.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray().Select(s => s.GetString()));
    }

    private static List<string> CustomClaims(Microsoft.IdentityModel.JsonWebTokens.JsonWebToken token) =>
        token.Claims.Select(c => c.Type)
            .Where(t => t is not ("iss" or "sub" or "aud" or "exp" or "iat" or "nbf" or "jti" or "client_id" or "scope"))
            .Order(StringComparer.Ordinal)
            .ToList();
}
