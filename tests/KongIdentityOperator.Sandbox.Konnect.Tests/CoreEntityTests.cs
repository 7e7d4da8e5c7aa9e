using System.Net;
using System.Text.Json;
using KongIdentityOperator.Sandbox.Konnect.Tests.Support;

namespace KongIdentityOperator.Sandbox.Konnect.Tests;

/// <summary>Control-plane core entities: services, routes, plugins at three scopes, upstream-oauth validation and Kong's error bodies.</summary>
public sealed class CoreEntityTests
{
    private const string OAuthConfig = """
        {"oauth":{"token_endpoint":"https://issuer.example/auth/oauth/token","client_id":"id","client_secret":"secret","scopes":["my-scope"]}}
        """;

    [Fact]
    public async Task Upstream_oauth_config_is_stored_with_schema_defaults()
    {
        await using var api = await EmulatorClient.StartAsync(o => o.SeedTutorial = true);
        var planeId = await QuickstartAsync(api);

        var created = await api.CreateAsync($"/v2/control-planes/{planeId}/core-entities/plugins", """
            {"name":"upstream-oauth","config":{"oauth":{"token_endpoint":"https://issuer.example/auth/oauth/token","client_id":"id","client_secret":"s"}},"tags":["owner:op"]}
            """);

        var config = created.Body.GetProperty("config");
        Assert.Equal(["openid"], config.GetProperty("oauth").GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("client_credentials", config.GetProperty("oauth").GetProperty("grant_type").GetString());
        Assert.Equal("client_secret_post", config.GetProperty("client").GetProperty("auth_method").GetString());
        Assert.Equal(10000, config.GetProperty("client").GetProperty("timeout").GetInt32());
        Assert.Equal("memory", config.GetProperty("cache").GetProperty("strategy").GetString());
        Assert.Equal(5, config.GetProperty("cache").GetProperty("eagerly_expire").GetInt32());
        Assert.Equal("Authorization", config.GetProperty("behavior").GetProperty("upstream_access_token_header_name").GetString());
        Assert.Equal([401], config.GetProperty("behavior").GetProperty("purge_token_on_upstream_status_codes").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal(JsonValueKind.Null, config.GetProperty("oauth").GetProperty("username").ValueKind);
        Assert.True(created.Body.GetProperty("enabled").GetBoolean());
        Assert.Equal(["grpc", "grpcs", "http", "https"], created.Body.GetProperty("protocols").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(JsonValueKind.Number, created.Body.GetProperty("created_at").ValueKind);
    }

    [Theory]
    [InlineData("""{"name":"upstream-oauth","config":{"oauth":{"client_id":"a","client_secret":"b"}}}""", "config.oauth.token_endpoint")]
    [InlineData("""{"name":"upstream-oauth","config":{}}""", "config.oauth")]
    [InlineData("""{"name":"upstream-oauth"}""", "config")]
    [InlineData("""{"name":"upstream-oauth","config":{"oauth":{"token_endpoint":"https://x/t","client_id":"a","client_secret":"b","grant_type":"device"}}}""", "config.oauth.grant_type")]
    [InlineData("""{"name":"upstream-oauth","config":{"oauth":{"token_endpoint":"https://x/t","client_id":"a","client_secret":"b"},"client":{"auth_method":"magic"}}}""", "config.client.auth_method")]
    [InlineData("""{"name":"upstream-oauth","config":{"oauth":{"token_endpoint":"https://x/t","client_id":"a","client_secret":"b"},"behavior":{"idp_error_response_status_code":404}}}""", "config.behavior.idp_error_response_status_code")]
    [InlineData("""{"name":"upstream-oauth","config":{"oauth":{"token_endpoint":"https://x/t","client_id":"a","client_secret":"b","surprise":1}}}""", "config.oauth.surprise")]
    [InlineData("""{"name":"upstream-oauth","config":{"oauth":{"token_endpoint":"not a url","client_id":"a","client_secret":"b"}}}""", "config.oauth.token_endpoint")]
    [InlineData("""{"name":"upstream-oauth","protocols":["tcp"],"config":{"oauth":{"token_endpoint":"https://x/t","client_id":"a","client_secret":"b"}}}""", "protocols[0]")]
    public async Task Invalid_upstream_oauth_configs_are_rejected_with_the_field(string body, string field)
    {
        await using var api = await EmulatorClient.StartAsync();
        var planeId = await api.CreateControlPlaneAsync();

        var response = await api.PostAsync($"/v2/control-planes/{planeId}/core-entities/plugins", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(3, response.Body.GetProperty("code").GetInt32());
        Assert.Contains(field, response.Body.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task Client_credentials_are_required_unless_auth_method_is_none()
    {
        await using var api = await EmulatorClient.StartAsync();
        var planeId = await api.CreateControlPlaneAsync();
        var plugins = $"/v2/control-planes/{planeId}/core-entities/plugins";

        var missing = await api.PostAsync(plugins, """{"name":"upstream-oauth","config":{"oauth":{"token_endpoint":"https://x/t","client_id":"a"}}}""");
        var none = await api.PostAsync(plugins, """{"name":"upstream-oauth","config":{"oauth":{"token_endpoint":"https://x/t"},"client":{"auth_method":"none"}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        var detail = Assert.Single(missing.Body.GetProperty("details").EnumerateArray());
        Assert.Equal("ERROR_TYPE_ENTITY", detail.GetProperty("type").GetString());
        Assert.Equal("type.googleapis.com/kong.admin.model.v1.ErrorDetail", detail.GetProperty("@type").GetString());
        Assert.Equal(HttpStatusCode.Created, none.Status);
    }

    [Fact]
    public async Task Plugins_work_at_global_service_and_route_scope_with_one_per_name_and_scope()
    {
        await using var api = await EmulatorClient.StartAsync(o => o.SeedTutorial = true);
        var planeId = await QuickstartAsync(api);
        var core = $"/v2/control-planes/{planeId}/core-entities";
        var body = $$"""{"name":"upstream-oauth","config":{{OAuthConfig}}}""";

        var global = await api.CreateAsync($"{core}/plugins", body);
        var onService = await api.CreateAsync($"{core}/services/example-service/plugins", body);
        var onRoute = await api.CreateAsync($"{core}/routes/example-route/plugins", body);
        var duplicate = await api.PostAsync($"{core}/plugins", body);

        var serviceId = (await api.GetAsync($"{core}/services/example-service")).String("id");
        Assert.Equal(serviceId, onService.Body.GetProperty("service").GetProperty("id").GetString());
        Assert.False(global.Body.TryGetProperty("service", out _));
        Assert.True(onRoute.Body.TryGetProperty("route", out _));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.Status);
        Assert.Contains("(type: unique) constraint failed", duplicate.Text, StringComparison.Ordinal);
        Assert.Equal(3, (await api.GetAsync($"{core}/plugins")).Body.GetProperty("data").GetArrayLength());
        var serviceList = await api.GetAsync($"{core}/services/{serviceId}/plugins");
        Assert.Equal(onService.String("id"), Assert.Single(serviceList.Body.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"{core}/services/example-service/plugins/{global.String("id")}")).Status);
    }

    [Fact]
    public async Task Put_upserts_a_plugin_by_id_and_delete_is_204_even_when_absent()
    {
        await using var api = await EmulatorClient.StartAsync();
        var planeId = await api.CreateControlPlaneAsync();
        var id = Guid.NewGuid();
        var path = $"/v2/control-planes/{planeId}/core-entities/plugins/{id}";

        var created = await api.PutAsync(path, $$"""{"name":"upstream-oauth","config":{{OAuthConfig}},"tags":["a"]}""");
        var updated = await api.PutAsync(path, $$"""{"name":"upstream-oauth","config":{{OAuthConfig}},"enabled":false}""");
        var fetched = await api.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal(id.ToString(), created.String("id"));
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.False(fetched.Body.GetProperty("enabled").GetBoolean());
        Assert.False(fetched.Body.TryGetProperty("tags", out _));
        Assert.Single(api.Emulator.Snapshot().AllPlugins);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync(path)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync(path)).Status);
        var gone = await api.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Equal("Not Found", gone.String("message"));
    }

    [Fact]
    public async Task Services_and_routes_are_found_by_id_or_name_and_names_are_unique()
    {
        await using var api = await EmulatorClient.StartAsync();
        var planeId = await api.CreateControlPlaneAsync();
        var core = $"/v2/control-planes/{planeId}/core-entities";

        var service = await api.CreateAsync($"{core}/services", """{"name":"orders","host":"orders.internal","port":8080}""");
        var route = await api.CreateAsync($"{core}/routes", """{"name":"orders-route","paths":["/orders"],"service":{"name":"orders"}}""");
        var duplicate = await api.PostAsync($"{core}/services", """{"name":"orders","url":"https://elsewhere"}""");
        var noMatcher = await api.PostAsync($"{core}/routes", """{"name":"empty"}""");
        var badService = await api.PostAsync($"{core}/routes", """{"paths":["/x"],"service":{"id":"3f0e9c1e-8f73-4c57-b2b4-1ab0f2f9b5a1"}}""");
        var blocked = await api.DeleteAsync($"{core}/services/orders");

        Assert.Equal(service.String("id"), (await api.GetAsync($"{core}/services/orders")).String("id"));
        Assert.Equal("orders-route", (await api.GetAsync($"{core}/routes/{route.String("id")}")).String("name"));
        Assert.Equal(["http", "https"], route.Body.GetProperty("protocols").EnumerateArray().Select(p => p.GetString()));
        Assert.True(route.Body.GetProperty("strip_path").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.Status);
        Assert.Contains("name (type: unique) constraint failed", duplicate.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noMatcher.Status);
        Assert.Equal(HttpStatusCode.BadRequest, badService.Status);
        Assert.Equal(HttpStatusCode.BadRequest, blocked.Status);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{core}/routes/orders-route")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{core}/services/orders")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"{core}/services/orders")).Status);
    }

    [Fact]
    public async Task Unknown_control_plane_is_a_not_found_message_and_kic_planes_are_read_only()
    {
        await using var api = await EmulatorClient.StartAsync();
        var kic = (await api.CreateAsync("/v2/control-planes", """{"name":"kic","cluster_type":"CLUSTER_TYPE_K8S_INGRESS_CONTROLLER"}""")).String("id");

        var unknown = await api.GetAsync($"/v2/control-planes/{Guid.NewGuid()}/core-entities/plugins");
        var write = await api.PostAsync($"/v2/control-planes/{kic}/core-entities/plugins", $$"""{"name":"upstream-oauth","config":{{OAuthConfig}}}""");

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("Not Found", unknown.String("message"));
        Assert.Equal(HttpStatusCode.Forbidden, write.Status);
        Assert.Equal(7, write.Body.GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/v2/control-planes/{kic}/core-entities/plugins")).Status);
    }

    [Fact]
    public async Task Control_plane_schema_violations_and_duplicates_are_problems()
    {
        await using var api = await EmulatorClient.StartAsync();
        await api.CreateControlPlaneAsync("cp");

        var duplicate = await api.PostAsync("/v2/control-planes", """{"name":"cp"}""");
        var invalid = await api.PostAsync("/v2/control-planes", """{"name":"x","cluster_type":"NOPE","id":"1"}""");

        IdentityValidationTests.AssertProblem(duplicate, HttpStatusCode.Conflict);
        Assert.Equal(
            [("name", "min_length"), ("cluster_type", "enum"), ("id", "unknown_property")],
            invalid.InvalidParameters());
    }

    private static async Task<string> QuickstartAsync(EmulatorClient api) =>
        Assert.Single((await api.GetAsync("/v2/control-planes?filter[name][eq]=quickstart")).Body.GetProperty("data").EnumerateArray())
            .GetProperty("id").GetString()!;
}
