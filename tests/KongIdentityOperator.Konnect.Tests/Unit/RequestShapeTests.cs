using System.Net;
using System.Text.Json.Nodes;
using KongIdentityOperator.Konnect.ControlPlanes;
using KongIdentityOperator.Konnect.CoreEntities;
using KongIdentityOperator.Konnect.Identity;
using KongIdentityOperator.Konnect.Paging;
using KongIdentityOperator.Konnect.Tests.Support;

namespace KongIdentityOperator.Konnect.Tests.Unit;

/// <summary>Method, path, query and body of every kind of call, over a stub handler.</summary>
public sealed class RequestShapeTests : IDisposable
{
    private readonly KonnectTestHost _host = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void AssertJson(string expected, string? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual!)), $"expected {expected}\nactual   {actual}");

    [Fact]
    public async Task List_auth_servers_sends_encoded_filters_and_paging()
    {
        _host.Handler.Respond(_ => StubHttpHandler.Json(HttpStatusCode.OK, Bodies.Page(Bodies.AuthServer(), 2, 10, 11)));

        var page = await _host.Client().AuthServers.ListAsync(
            new AuthServerListQuery { Name = StringFilter.EqualTo("Appointments Dev"), Audience = StringFilter.Containing("http"), PageSize = 10, PageNumber = 2, Sort = "name" },
            Ct);

        var request = _host.Handler.Last;
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal(
            "/v1/auth-servers?filter%5Bname%5D%5Beq%5D=Appointments%20Dev&filter%5Baudience%5D%5Bcontains%5D=http&sort=name&page%5Bsize%5D=10&page%5Bnumber%5D=2",
            request.PathAndQuery);
        Assert.Null(request.Body);
        var server = Assert.Single(page.Data);
        Assert.Equal(new PageInfo(2, 10, 11), page.Meta.Page);
        Assert.Equal("Appointments Dev", server.Name);
        Assert.Equal("https://a93xltvowjk8m1qe.us.identity.konghq.com/auth", server.Issuer);
        Assert.Equal("https://a93xltvowjk8m1qe.us.identity.konghq.com/auth/.well-known/jwks", server.JwksUri);
        Assert.Equal("test", server.Labels["env"]);
        Assert.Equal(new DateTimeOffset(2022, 11, 4, 20, 10, 6, 927, TimeSpan.Zero), server.CreatedAt);
    }

    [Fact]
    public async Task Create_sends_snake_case_and_leaves_unset_fields_out()
    {
        _host.Handler.Respond(_ => StubHttpHandler.Json(HttpStatusCode.Created, Bodies.AuthServer()));

        await _host.Client().AuthServers.CreateAsync(
            new AuthServerCreate("Appointments Dev", "http://myhttpbin.dev") { SigningAlgorithm = SigningAlgorithms.PS256, TrustedOrigins = ["https://a.example"] },
            Ct);

        var request = _host.Handler.Last;
        Assert.Equal((HttpMethod.Post, "/v1/auth-servers", "application/json"), (request.Method, request.PathAndQuery, request.ContentType));
        AssertJson("""{"name":"Appointments Dev","audience":"http://myhttpbin.dev","signing_algorithm":"PS256","trusted_origins":["https://a.example"]}""", request.Body);
    }

    [Fact]
    public async Task Patch_omits_nulls_but_keeps_null_label_values_for_removal()
    {
        _host.Handler.Respond(_ => StubHttpHandler.Json(HttpStatusCode.OK, Bodies.AuthServer()));

        await _host.Client().AuthServers.PatchAsync(
            Bodies.AuthServerId,
            new AuthServerPatch { Description = "new", Labels = new Dictionary<string, string?> { ["keep"] = "v", ["drop"] = null } },
            Ct);

        var request = _host.Handler.Last;
        Assert.Equal((HttpMethod.Patch, $"/v1/auth-servers/{Bodies.AuthServerId}"), (request.Method, request.PathAndQuery));
        AssertJson("""{"description":"new","labels":{"keep":"v","drop":null}}""", request.Body);
    }

    [Fact]
    public async Task Delete_sends_force_and_reports_absence()
    {
        _host.Handler.RespondInOrder(
            () => StubHttpHandler.Empty(HttpStatusCode.NoContent),
            () => StubHttpHandler.Problem(HttpStatusCode.NotFound, """{"status":404,"title":"Not Found","instance":"kong:trace:1","detail":"Not Found"}"""));
        var client = _host.Client();

        Assert.True(await client.AuthServers.DeleteAsync(Bodies.AuthServerId, force: true, Ct));
        Assert.Equal($"/v1/auth-servers/{Bodies.AuthServerId}?force=true", _host.Handler.Last.PathAndQuery);
        Assert.False(await client.AuthServers.DeleteAsync(Bodies.AuthServerId, force: false, Ct));
        Assert.Equal($"/v1/auth-servers/{Bodies.AuthServerId}?force=false", _host.Handler.Last.PathAndQuery);
        Assert.All(_host.Handler.Requests, r => Assert.Equal(HttpMethod.Delete, r.Method));
    }

    [Fact]
    public async Task Get_returns_null_on_404_of_either_shape()
    {
        _host.Handler.RespondInOrder(
            () => StubHttpHandler.Problem(HttpStatusCode.NotFound, """{"status":404,"title":"Not Found","instance":"kong:trace:1","detail":"Not Found"}"""),
            () => StubHttpHandler.Json(HttpStatusCode.NotFound, """{"message":"Not Found"}"""));
        var client = _host.Client();

        Assert.Null(await client.Scopes.GetAsync(Bodies.AuthServerId, "c5e12516-182c-4928-ae04-05374b3b1cca", Ct));
        Assert.Null(await client.Plugins.GetAsync("cp", PluginScope.Global, "p1", Ct));
    }

    [Fact]
    public async Task Upsert_client_puts_the_chosen_id_and_secret_and_tells_created_from_replaced()
    {
        _host.Handler.RespondInOrder(
            () => StubHttpHandler.Json(HttpStatusCode.Created, Bodies.Client("default-m2m")),
            () => StubHttpHandler.Json(HttpStatusCode.OK, Bodies.Client("default-m2m")));
        var client = _host.Client();
        var body = new ClientUpsert("m2m", "chosen-secret", [GrantTypes.ClientCredentials], [ResponseTypes.Token])
        {
            AccessTokenDuration = 3600,
            AllowScopes = ["c5e12516-182c-4928-ae04-05374b3b1cca"],
            Labels = new Dictionary<string, string> { ["k8s-uid"] = "u1" },
        };

        var created = await client.Clients.UpsertAsync(Bodies.AuthServerId, "default-m2m", body, Ct);
        var replaced = await client.Clients.UpsertAsync(Bodies.AuthServerId, "default-m2m", body, Ct);

        Assert.True(created.Created);
        Assert.False(replaced.Created);
        Assert.Equal("default-m2m", created.Client.Id);
        Assert.Equal(3600, created.Client.AccessTokenDuration);
        var request = _host.Handler.Last;
        Assert.Equal((HttpMethod.Put, $"/v1/auth-servers/{Bodies.AuthServerId}/clients/default-m2m"), (request.Method, request.PathAndQuery));
        AssertJson(
            """
            {"name":"m2m","client_secret":"chosen-secret","grant_types":["client_credentials"],"response_types":["token"],
             "access_token_duration":3600,"allow_scopes":["c5e12516-182c-4928-ae04-05374b3b1cca"],"labels":{"k8s-uid":"u1"}}
            """,
            request.Body);
    }

    [Fact]
    public async Task Create_client_returns_the_generated_secret_once()
    {
        _host.Handler.Respond(_ => StubHttpHandler.Json(HttpStatusCode.Created, Bodies.Client("gen-id", secret: "YAzsyUlNZ5gNGeKS9H3VAdxVPzhPo4ae")));

        var created = await _host.Client().Clients.CreateAsync(
            Bodies.AuthServerId, new ClientCreate("m2m", [GrantTypes.ClientCredentials], [ResponseTypes.Token]), Ct);

        Assert.Equal("gen-id", created.Client.Id);
        Assert.Equal("YAzsyUlNZ5gNGeKS9H3VAdxVPzhPo4ae", created.ClientSecret);
        Assert.Equal(["client_credentials"], created.Client.GrantTypes);
        AssertJson("""{"name":"m2m","grant_types":["client_credentials"],"response_types":["token"]}""", _host.Handler.Last.Body);
    }

    [Fact]
    public async Task Client_secrets_calls_use_the_nested_paths()
    {
        _host.Handler.Respond(request => request.Method == HttpMethod.Get
            ? StubHttpHandler.Json(HttpStatusCode.OK, Bodies.Page("""{"id":"s1","enabled":true,"created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z"}""", 1, 100, 1))
            : StubHttpHandler.Json(HttpStatusCode.Created, """{"id":"s2","enabled":true,"secret":"generated","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z"}"""));
        var secrets = _host.Client().ClientSecrets;

        var list = await secrets.ListAsync(Bodies.AuthServerId, "cid", new ClientSecretListQuery { Enabled = true }, Ct);
        var listPath = _host.Handler.Last.PathAndQuery;
        var created = await secrets.CreateAsync(Bodies.AuthServerId, "cid", new ClientSecretCreate(), Ct);
        var createBody = _host.Handler.Last.Body;
        await secrets.PatchAsync(Bodies.AuthServerId, "cid", "s1", new ClientSecretPatch(false), Ct);
        var patch = _host.Handler.Last;

        Assert.Equal("s1", Assert.Single(list.Data).Id);
        Assert.Equal($"/v1/auth-servers/{Bodies.AuthServerId}/clients/cid/secrets?filter%5Benabled%5D=true", listPath);
        Assert.Equal("generated", created.Secret);
        AssertJson("{}", createBody);
        Assert.Equal($"/v1/auth-servers/{Bodies.AuthServerId}/clients/cid/secrets/s1", patch.PathAndQuery);
        AssertJson("""{"enabled":false}""", patch.Body);
    }

    [Fact]
    public async Task Find_control_plane_by_name_filters_exactly()
    {
        _host.Handler.Respond(_ => StubHttpHandler.Json(HttpStatusCode.OK, Bodies.Page(
            """{"id":"7f9fd312-a987-4628-b4c5-bb4f4fddd5f7","name":"quickstart","description":"","labels":{},"config":{"control_plane_endpoint":"https://x.cp.konghq.com","telemetry_endpoint":"https://x.tp0.konghq.com","cluster_type":"CLUSTER_TYPE_CONTROL_PLANE","auth_type":"pinned_client_certs","cloud_gateway":false,"proxy_urls":[{"host":"example.com","port":443,"protocol":"https"}]},"created_at":"2022-11-04T20:10:06.927Z","updated_at":"2022-11-04T20:10:06.927Z"}""",
            1,
            2,
            1)));

        var plane = await _host.Client().ControlPlanes.FindByNameAsync("quickstart", Ct);

        Assert.Equal("/v2/control-planes?filter%5Bname%5D%5Beq%5D=quickstart&page%5Bsize%5D=2", _host.Handler.Last.PathAndQuery);
        Assert.NotNull(plane);
        Assert.Equal(ClusterTypes.ControlPlane, plane.Config!.ClusterType);
        Assert.Equal(new ProxyUrl("example.com", 443, "https"), Assert.Single(plane.Config.ProxyUrls));
    }

    [Theory]
    [InlineData("global", "/v2/control-planes/cp-1/core-entities/plugins")]
    [InlineData("service", "/v2/control-planes/cp-1/core-entities/services/example-service/plugins")]
    [InlineData("route", "/v2/control-planes/cp-1/core-entities/routes/example-route/plugins")]
    public async Task Plugins_use_the_path_of_their_scope(string kind, string collection)
    {
        var scope = kind switch
        {
            "service" => PluginScope.Service("example-service"),
            "route" => PluginScope.Route("example-route"),
            _ => PluginScope.Global,
        };
        _host.Handler.Respond(request => request.Method == HttpMethod.Delete
            ? StubHttpHandler.Empty(HttpStatusCode.NoContent)
            : StubHttpHandler.Json(request.Method == HttpMethod.Post ? HttpStatusCode.Created : HttpStatusCode.OK, Bodies.Plugin("p1")));
        var plugins = _host.Client().Plugins;
        var body = new PluginUpsert("upstream-oauth")
        {
            Config = JsonNode.Parse("""{"oauth":{"token_endpoint":"https://issuer/oauth/token","scopes":["my-scope"]}}""")!.AsObject(),
            Tags = ["managed-by:kio"],
        };

        await plugins.CreateAsync("cp-1", scope, body, Ct);
        await plugins.UpsertAsync("cp-1", scope, "p1", body, Ct);
        var got = await plugins.GetAsync("cp-1", scope, "p1", Ct);
        Assert.True(await plugins.DeleteAsync("cp-1", scope, "p1", Ct));

        Assert.Equal(
            [$"POST {collection}", $"PUT {collection}/p1", $"GET {collection}/p1", $"DELETE {collection}/p1"],
            _host.Handler.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        AssertJson(
            """{"name":"upstream-oauth","config":{"oauth":{"token_endpoint":"https://issuer/oauth/token","scopes":["my-scope"]}},"tags":["managed-by:kio"]}""",
            _host.Handler.Requests[1].Body);
        Assert.NotNull(got);
        Assert.Equal("https://issuer/oauth/token", got.Config!["oauth"]!["token_endpoint"]!.GetValue<string>());
        Assert.Equal(1700000000, got.CreatedAt);
    }

    [Fact]
    public async Task List_all_plugins_follows_the_offset_cursor_with_tags()
    {
        _host.Handler.Respond(request => request.Uri.Query.Contains("offset=c2", StringComparison.Ordinal)
            ? StubHttpHandler.Json(HttpStatusCode.OK, $$"""{"data":[{{Bodies.Plugin("p3")}}],"next":null,"offset":null}""")
            : request.Uri.Query.Contains("offset=c1", StringComparison.Ordinal)
                ? StubHttpHandler.Json(HttpStatusCode.OK, $$"""{"data":[{{Bodies.Plugin("p2")}}],"next":"/v2/...","offset":"c2"}""")
                : StubHttpHandler.Json(HttpStatusCode.OK, $$"""{"data":[{{Bodies.Plugin("p1")}}],"next":"/v2/...","offset":"c1"}"""));

        var ids = new List<string>();
        await foreach (var plugin in _host.Client().Plugins.ListAllAsync(
            "cp-1", PluginScope.Global, new CoreEntityListQuery { Tags = ["a", "b"], TagMatch = TagMatch.Any, Size = 1 }, Ct))
        {
            ids.Add(plugin.Id);
        }

        Assert.Equal(["p1", "p2", "p3"], ids);
        Assert.Equal(
            [
                "/v2/control-planes/cp-1/core-entities/plugins?size=1&tags=a%2Fb",
                "/v2/control-planes/cp-1/core-entities/plugins?size=1&offset=c1&tags=a%2Fb",
                "/v2/control-planes/cp-1/core-entities/plugins?size=1&offset=c2&tags=a%2Fb",
            ],
            _host.Handler.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task Plugin_list_with_all_tags_joins_them_with_commas()
    {
        _host.Handler.Respond(_ => StubHttpHandler.Json(HttpStatusCode.OK, """{"data":[],"next":null}"""));

        var page = await _host.Client().Plugins.ListAsync(
            "cp-1", PluginScope.Service("svc"), new CoreEntityListQuery { Tags = ["a", "b"], Name = StringFilter.EqualTo("upstream-oauth") }, Ct);

        Assert.Empty(page.Data);
        Assert.Null(page.Offset);
        Assert.Equal(
            "/v2/control-planes/cp-1/core-entities/services/svc/plugins?tags=a%2Cb&filter%5Bname%5D%5Beq%5D=upstream-oauth",
            _host.Handler.Last.PathAndQuery);
    }

    [Fact]
    public async Task List_all_walks_pages_of_100_until_the_total()
    {
        _host.Handler.Respond(request =>
        {
            var number = request.Uri.Query.Contains("page%5Bnumber%5D=2", StringComparison.Ordinal) ? 2 : 1;
            var items = string.Join(",", Enumerable.Range(0, number == 1 ? 100 : 30).Select(i => Bodies.Client($"c{number}-{i}")));
            return StubHttpHandler.Json(HttpStatusCode.OK, Bodies.Page(items, number, 100, 130));
        });

        var count = 0;
        await foreach (var _ in _host.Client().Clients.ListAllAsync(Bodies.AuthServerId, new ClientListQuery { Labels = "k8s:yes" }, Ct))
        {
            count++;
        }

        Assert.Equal(130, count);
        Assert.Equal(
            [
                $"/v1/auth-servers/{Bodies.AuthServerId}/clients?filter%5Blabels%5D%5Beq%5D=k8s%3Ayes&page%5Bsize%5D=100&page%5Bnumber%5D=1",
                $"/v1/auth-servers/{Bodies.AuthServerId}/clients?filter%5Blabels%5D%5Beq%5D=k8s%3Ayes&page%5Bsize%5D=100&page%5Bnumber%5D=2",
            ],
            _host.Handler.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task Services_and_routes_are_fetched_by_name_or_id()
    {
        _host.Handler.Respond(request => request.Uri.AbsolutePath.Contains("/services/", StringComparison.Ordinal)
            ? StubHttpHandler.Json(HttpStatusCode.OK, """{"id":"49fd316e-c457-481c-9fc7-8079153e4f3c","name":"example-service","host":"httpbin.konghq.com","port":80,"protocol":"http","path":"/anything","enabled":true}""")
            : StubHttpHandler.Json(HttpStatusCode.OK, """{"id":"56c4566c-14cc-4132-9011-4139fcbbe50a","name":"example-route","paths":["/anything"],"service":{"id":"49fd316e-c457-481c-9fc7-8079153e4f3c"}}"""));
        var client = _host.Client();

        var service = await client.GatewayServices.GetAsync("cp-1", "example-service", Ct);
        var route = await client.Routes.GetAsync("cp-1", "56c4566c-14cc-4132-9011-4139fcbbe50a", Ct);

        Assert.Equal("49fd316e-c457-481c-9fc7-8079153e4f3c", service!.Id);
        Assert.Equal("49fd316e-c457-481c-9fc7-8079153e4f3c", route!.Service!.Id);
        Assert.Equal(
            ["/v2/control-planes/cp-1/core-entities/services/example-service", "/v2/control-planes/cp-1/core-entities/routes/56c4566c-14cc-4132-9011-4139fcbbe50a"],
            _host.Handler.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task Each_client_sends_its_own_token_on_the_same_server()
    {
        _host.Handler.Respond(_ => StubHttpHandler.Json(HttpStatusCode.OK, Bodies.AuthServer()));
        var alice = _host.Client("kpat_alice_0000000000");
        var bob = _host.Client("spat_bob_1111111111");

        await Task.WhenAll(
            alice.AuthServers.GetAsync("a1", Ct),
            bob.AuthServers.GetAsync("b1", Ct),
            alice.AuthServers.GetAsync("a2", Ct),
            bob.AuthServers.GetAsync("b2", Ct));

        Assert.All(_host.Handler.Requests, request =>
        {
            Assert.Equal("Bearer", request.Authorization!.Scheme);
            var expected = request.Uri.AbsolutePath.Split('/')[^1].StartsWith('a') ? "kpat_alice_0000000000" : "spat_bob_1111111111";
            Assert.Equal(expected, request.Authorization.Parameter);
        });
        Assert.Equal(4, _host.Handler.Count);
    }

    [Fact]
    public async Task Attempts_are_observed_and_logged_without_the_token()
    {
        _host.Handler.Respond(_ => StubHttpHandler.Json(HttpStatusCode.OK, Bodies.AuthServer()));

        await _host.Client().AuthServers.GetAsync(Bodies.AuthServerId, Ct);

        var attempt = Assert.Single(_host.Observer.Attempts);
        Assert.Equal("GET /v1/auth-servers/{authServerId}", attempt.Operation);
        Assert.Equal((200, 1, false, null), (attempt.StatusCode, attempt.Attempt, attempt.IsRetry, attempt.Failure));
        Assert.Equal("https://us.api.konghq.com", attempt.Key!.ServerUrl);
        Assert.Contains(_host.Logs.Lines, line => line.Contains("Konnect GET /v1/auth-servers/{authServerId} answered 200", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Logs.Lines, line => line.Contains(KonnectTestHost.Token, StringComparison.Ordinal));
    }

    public void Dispose() => _host.Dispose();
}
