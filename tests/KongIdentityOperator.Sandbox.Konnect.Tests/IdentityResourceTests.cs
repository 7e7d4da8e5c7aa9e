using System.Net;
using System.Text.Json;
using KongIdentityOperator.Sandbox.Konnect.Tests.Support;

namespace KongIdentityOperator.Sandbox.Konnect.Tests;

/// <summary>Kong Identity resources: defaults, 404, 409, PATCH, force delete, scope unlinking, test-claim, tokens.</summary>
public sealed class IdentityResourceTests
{
    [Fact]
    public async Task Responses_carry_every_field_with_its_default()
    {
        await using var api = await EmulatorClient.StartAsync();
        var server = await api.CreateAsync("/v1/auth-servers", """{"name":"s","audience":"aud"}""");
        var serverId = server.String("id");
        var scope = await api.CreateAsync($"/v1/auth-servers/{serverId}/scopes", """{"name":"read"}""");
        var claim = await api.CreateAsync($"/v1/auth-servers/{serverId}/claims", """{"name":"c","value":"v"}""");
        var client = await api.CreateAsync($"/v1/auth-servers/{serverId}/clients", """{"name":"c","grant_types":["client_credentials"],"response_types":["token"]}""");

        Assert.Equal("RS256", server.String("signing_algorithm"));
        Assert.Equal("", server.String("description"));
        Assert.Equal(JsonValueKind.Object, server.Body.GetProperty("labels").ValueKind);
        Assert.True(DateTimeOffset.TryParse(server.String("created_at"), out _));
        Assert.EndsWith("Z", server.String("updated_at"), StringComparison.Ordinal);
        Assert.False(scope.Body.GetProperty("default").GetBoolean());
        Assert.False(scope.Body.GetProperty("include_in_metadata").GetBoolean());
        Assert.True(scope.Body.GetProperty("enabled").GetBoolean());
        Assert.False(claim.Body.GetProperty("include_in_token").GetBoolean());
        Assert.False(claim.Body.GetProperty("include_in_all_scopes").GetBoolean());
        Assert.Equal(0, claim.Body.GetProperty("include_in_scopes").GetArrayLength());
        Assert.True(claim.Body.GetProperty("enabled").GetBoolean());
        Assert.Equal(300, client.Body.GetProperty("access_token_duration").GetInt32());
        Assert.Equal(300, client.Body.GetProperty("id_token_duration").GetInt32());
        Assert.False(client.Body.GetProperty("allow_all_scopes").GetBoolean());
        Assert.Equal("client_secret_post", client.String("token_endpoint_auth_method"));
        Assert.Equal(JsonValueKind.Null, client.Body.GetProperty("login_uri").ValueKind);
        Assert.Equal(0, client.Body.GetProperty("redirect_uris").GetArrayLength());
        Assert.Matches("^[-_0-9A-Za-z]{1,36}$", client.String("id"));
        Assert.False(string.IsNullOrEmpty(client.String("client_secret")));

        var fetched = await api.GetAsync($"/v1/auth-servers/{serverId}/clients/{client.String("id")}");
        Assert.False(fetched.Body.TryGetProperty("client_secret", out _));
    }

    [Fact]
    public async Task Unknown_ids_are_404_problems()
    {
        await using var api = await EmulatorClient.StartAsync();
        var serverId = await api.CreateAuthServerAsync();
        var missing = Guid.NewGuid();

        foreach (var path in new[]
        {
            $"/v1/auth-servers/{missing}",
            $"/v1/auth-servers/{serverId}/scopes/{missing}",
            $"/v1/auth-servers/{serverId}/claims/{missing}",
            $"/v1/auth-servers/{serverId}/clients/nope",
            $"/v1/auth-servers/{serverId}/clients/nope/secrets",
            $"/v2/control-planes/{missing}",
            "/v1/no-such-thing",
        })
        {
            IdentityValidationTests.AssertProblem(await api.GetAsync(path), HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Duplicate_names_are_409_problems()
    {
        await using var api = await EmulatorClient.StartAsync();
        var serverId = await api.CreateAuthServerAsync("dup");
        await api.CreateScopeAsync(serverId, "read");
        await api.CreateAsync($"/v1/auth-servers/{serverId}/clients", """{"name":"one","grant_types":["client_credentials"],"response_types":["token"]}""");
        var other = await api.CreateAuthServerAsync("other");

        var server = await api.PostAsync("/v1/auth-servers", """{"name":"dup","audience":"a"}""");
        var scope = await api.PostAsync($"/v1/auth-servers/{serverId}/scopes", """{"name":"read"}""");
        var client = await api.PostAsync($"/v1/auth-servers/{serverId}/clients", """{"name":"one","grant_types":["client_credentials"],"response_types":["token"]}""");
        var rename = await api.PatchAsync($"/v1/auth-servers/{other}", """{"name":"dup"}""");
        var sameScopeElsewhere = await api.PostAsync($"/v1/auth-servers/{other}/scopes", """{"name":"read"}""");

        IdentityValidationTests.AssertProblem(server, HttpStatusCode.Conflict);
        Assert.Matches(@"^Key \(org_id, name\)=\([0-9a-f-]{36}, dup\) already exists\.$", server.String("detail"));
        IdentityValidationTests.AssertProblem(scope, HttpStatusCode.Conflict);
        IdentityValidationTests.AssertProblem(client, HttpStatusCode.Conflict);
        IdentityValidationTests.AssertProblem(rename, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, sameScopeElsewhere.Status);
    }

    [Fact]
    public async Task Patch_changes_only_the_given_fields_and_labels_merge()
    {
        await using var api = await EmulatorClient.StartAsync();
        var serverId = await api.CreateAuthServerAsync(extra: ""","labels":{"env":"dev","team":"a"}""");

        var patched = await api.PatchAsync($"/v1/auth-servers/{serverId}", """{"description":"new","labels":{"team":null,"tier":"gold"}}""");

        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.Equal("new", patched.String("description"));
        Assert.Equal("Appointments Dev", patched.String("name"));
        Assert.Equal("http://myhttpbin.dev", patched.String("audience"));
        var labels = patched.Body.GetProperty("labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(new Dictionary<string, string?> { ["env"] = "dev", ["tier"] = "gold" }, labels);
    }

    [Fact]
    public async Task Patches_of_scopes_claims_clients_and_control_planes_apply_the_same_rules()
    {
        await using var api = await EmulatorClient.StartAsync();
        var serverId = await api.CreateAuthServerAsync();
        var read = await api.CreateScopeAsync(serverId, "read");
        var write = await api.CreateScopeAsync(serverId, "write");
        var claimId = (await api.CreateAsync($"/v1/auth-servers/{serverId}/claims", """{"name":"c","value":"v"}""")).String("id");
        var clientId = (await api.CreateAsync($"/v1/auth-servers/{serverId}/clients", """{"name":"c","grant_types":["client_credentials"],"response_types":["token"]}""")).String("id");
        var planeId = await api.CreateControlPlaneAsync("plane");

        var scopeRename = await api.PatchAsync($"/v1/auth-servers/{serverId}/scopes/{write}", """{"name":"read"}""");
        var scopeDisable = await api.PatchAsync($"/v1/auth-servers/{serverId}/scopes/{read}", """{"enabled":false}""");
        var claimPatch = await api.PatchAsync($"/v1/auth-servers/{serverId}/claims/{claimId}", $$"""{"include_in_scopes":["{{read}}"],"enabled":false}""");
        var clientBadScope = await api.PatchAsync($"/v1/auth-servers/{serverId}/clients/{clientId}", $$"""{"allow_scopes":["{{Guid.NewGuid()}}"]}""");
        var clientPatch = await api.PatchAsync($"/v1/auth-servers/{serverId}/clients/{clientId}", """{"access_token_duration":3600,"login_uri":"https://login.example"}""");
        var planePatch = await api.PatchAsync($"/v2/control-planes/{planeId}", """{"description":"d","labels":{"env":"dev"}}""");
        var planeDelete = await api.DeleteAsync($"/v2/control-planes/{planeId}");

        IdentityValidationTests.AssertProblem(scopeRename, HttpStatusCode.Conflict);
        Assert.False(scopeDisable.Body.GetProperty("enabled").GetBoolean());
        Assert.Equal("read", scopeDisable.String("name"));
        Assert.False(claimPatch.Body.GetProperty("enabled").GetBoolean());
        Assert.Equal("v", claimPatch.String("value"));
        Assert.Equal([("allow_scopes[0]", "missing_reference")], clientBadScope.InvalidParameters());
        Assert.Equal(3600, clientPatch.Body.GetProperty("access_token_duration").GetInt32());
        Assert.Equal("https://login.example", clientPatch.String("login_uri"));
        Assert.Equal(["client_credentials"], clientPatch.Body.GetProperty("grant_types").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("dev", planePatch.Body.GetProperty("labels").GetProperty("env").GetString());
        Assert.Equal("plane", planePatch.String("name"));
        Assert.Equal(HttpStatusCode.NoContent, planeDelete.Status);
        Assert.Empty(api.Emulator.Snapshot().ControlPlanes);
    }

    [Fact]
    public async Task Delete_without_force_refuses_while_children_exist_and_force_deletes_everything()
    {
        await using var api = await EmulatorClient.StartAsync();
        var serverId = await api.CreateAuthServerAsync();
        await api.CreateScopeAsync(serverId, "read");
        var empty = await api.CreateAuthServerAsync("empty");

        var refused = await api.DeleteAsync($"/v1/auth-servers/{serverId}");
        var refusedExplicitly = await api.DeleteAsync($"/v1/auth-servers/{serverId}?force=false");
        var forced = await api.DeleteAsync($"/v1/auth-servers/{serverId}?force=true");
        var emptyDeleted = await api.DeleteAsync($"/v1/auth-servers/{empty}");

        IdentityValidationTests.AssertProblem(refused, HttpStatusCode.BadRequest);
        Assert.Contains("force=true", refused.String("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refusedExplicitly.Status);
        Assert.Equal(HttpStatusCode.NoContent, forced.Status);
        Assert.Equal(HttpStatusCode.NoContent, emptyDeleted.Status);
        Assert.Empty(api.Emulator.Snapshot().AuthServers);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/v1/auth-servers/{serverId}/scopes")).Status);
    }

    [Fact]
    public async Task Deleting_a_scope_unlinks_it_from_clients_and_claims()
    {
        await using var api = await EmulatorClient.StartAsync();
        var serverId = await api.CreateAuthServerAsync();
        var keep = await api.CreateScopeAsync(serverId, "keep");
        var drop = await api.CreateScopeAsync(serverId, "drop");
        var clientId = (await api.CreateAsync($"/v1/auth-servers/{serverId}/clients", $$"""
            {"name":"c","grant_types":["client_credentials"],"response_types":["token"],"allow_scopes":["{{keep}}","{{drop}}"]}
            """)).String("id");
        var claimId = (await api.CreateAsync($"/v1/auth-servers/{serverId}/claims", $$"""
            {"name":"c","value":"v","include_in_scopes":["{{drop}}","{{keep}}"]}
            """)).String("id");

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/v1/auth-servers/{serverId}/scopes/{drop}")).Status);

        var client = await api.GetAsync($"/v1/auth-servers/{serverId}/clients/{clientId}");
        var claim = await api.GetAsync($"/v1/auth-servers/{serverId}/claims/{claimId}");
        Assert.Equal([keep], client.Body.GetProperty("allow_scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal([keep], claim.Body.GetProperty("include_in_scopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Test_claim_renders_templates_against_the_client()
    {
        await using var api = await EmulatorClient.StartAsync();
        var serverId = await api.CreateAuthServerAsync();
        var clientId = (await api.CreateAsync($"/v1/auth-servers/{serverId}/clients", """
            {"name":"billing","grant_types":["client_credentials"],"response_types":["token"],"labels":{"env":"prod"}}
            """)).String("id");

        var result = await api.PostAsync($"/v1/auth-servers/{serverId}/clients/{clientId}/test-claim", """
            {"who":"${ .Client.Name | upper }","env":"${ .Client.Labels.env }","tier":"${ .Client.Labels.tier | default \"free\" }","n":"42"}
            """);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("BILLING", result.String("who"));
        Assert.Equal("prod", result.String("env"));
        Assert.Equal("free", result.String("tier"));
        Assert.Equal(42, result.Body.GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task Issued_tokens_are_listed_and_can_be_revoked()
    {
        await using var api = await EmulatorClient.StartAsync();
        var serverId = await api.CreateAuthServerAsync();
        var client = await api.CreateAsync($"/v1/auth-servers/{serverId}/clients", """{"name":"c","grant_types":["client_credentials"],"response_types":["token"]}""");
        var issuer = (await api.GetAsync($"/v1/auth-servers/{serverId}")).String("issuer");
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.String("id"),
            ["client_secret"] = client.String("client_secret"),
        };
        var issued = Tokens.Read((await api.RequestTokenAsync(issuer + "/oauth/token", form)).String("access_token"));
        var tokens = $"/v1/auth-servers/{serverId}/clients/{client.String("id")}/tokens";

        var list = await api.GetAsync(tokens);
        var entry = Assert.Single(list.Body.GetProperty("data").EnumerateArray());
        Assert.Equal(issued.Id, entry.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"{tokens}/{issued.Id}")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync(tokens)).Status);
        Assert.Equal(0, (await api.GetAsync(tokens)).Body.GetProperty("data").GetArrayLength());
    }
}
