using System.Text.Json.Nodes;
using KongIdentityOperator.Konnect.CoreEntities;
using KongIdentityOperator.Konnect.Errors;
using KongIdentityOperator.Konnect.Paging;
using KongIdentityOperator.Konnect.Tests.Support;

namespace KongIdentityOperator.Konnect.Tests.Emulator;

/// <summary>Control planes, services, routes and plugins over real HTTP against the emulator (seeded with the tutorial's objects).</summary>
public sealed class ControlPlaneEmulatorTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> QuickstartIdAsync() => (await fixture.Client.ControlPlanes.FindByNameAsync("quickstart", Ct))!.Id;

    private static PluginUpsert UpstreamOAuth(string scope, params string[] tags) => new("upstream-oauth")
    {
        Config = new JsonObject
        {
            ["oauth"] = new JsonObject
            {
                ["token_endpoint"] = "http://127.0.0.1/_issuer/abc/auth/oauth/token",
                ["grant_type"] = "client_credentials",
                ["client_id"] = "default-m2m",
                ["client_secret"] = "plugin-secret-0123456789",
                ["scopes"] = new JsonArray(scope),
            },
        },
        Tags = tags,
    };

    [Fact]
    public async Task Control_planes_are_found_by_name_and_id()
    {
        var planes = fixture.Client.ControlPlanes;

        var byName = await planes.FindByNameAsync("quickstart", Ct);
        var byId = await planes.GetAsync(byName!.Id, Ct);
        var contains = await planes.ListAsync(new ControlPlanes.ControlPlaneListQuery { Name = StringFilter.Containing("quick") }, Ct);
        var all = await planes.ListAllAsync(null, Ct).ToListAsync(Ct);

        Assert.Equal("quickstart", byId!.Name);
        Assert.Contains(contains.Data, p => p.Id == byName.Id);
        Assert.Contains(all, p => p.Id == byName.Id);
        Assert.Null(await planes.FindByNameAsync("no-such-plane", Ct));
        Assert.Null(await planes.GetAsync(Guid.NewGuid().ToString(), Ct));
    }

    [Fact]
    public async Task Services_and_routes_are_found_by_name_and_by_id()
    {
        var cp = await QuickstartIdAsync();

        var service = await fixture.Client.GatewayServices.GetAsync(cp, "example-service", Ct);
        var serviceById = await fixture.Client.GatewayServices.GetAsync(cp, service!.Id, Ct);
        var route = await fixture.Client.Routes.GetAsync(cp, "example-route", Ct);
        var routeById = await fixture.Client.Routes.GetAsync(cp, route!.Id, Ct);

        Assert.Equal(("example-service", "httpbin.konghq.com"), (serviceById!.Name, serviceById.Host));
        Assert.Equal(service.Id, route.Service!.Id);
        Assert.Equal(["/anything"], routeById!.Paths);
        Assert.Null(await fixture.Client.GatewayServices.GetAsync(cp, "no-such-service", Ct));
        Assert.Null(await fixture.Client.Routes.GetAsync(cp, "no-such-route", Ct));
    }

    [Fact]
    public async Task Services_are_listed_page_by_page()
    {
        var cp = await QuickstartIdAsync();
        var names = Enumerable.Range(0, 3).Select(_ => EmulatorFixture.Unique("svc")).ToList();
        using var http = new HttpClient { BaseAddress = fixture.Host.Emulator.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", EmulatorHost.Token);
        foreach (var name in names)
        {
            using var created = await http.PostAsync(
                new Uri($"v2/control-planes/{cp}/core-entities/services", UriKind.Relative),
                new StringContent($$"""{"name":"{{name}}","url":"http://{{name}}.example.internal/"}""", System.Text.Encoding.UTF8, "application/json"),
                Ct);
            created.EnsureSuccessStatusCode();
        }

        var listRoute = "/v2/control-planes/{controlPlaneId}/core-entities/services";
        var before = fixture.Host.Emulator.Requests.Count("GET", listRoute);
        var first = await fixture.Client.GatewayServices.ListAsync(cp, new CoreEntityListQuery { Size = 2 }, Ct);
        var all = await fixture.Client.GatewayServices.ListAllAsync(cp, new CoreEntityListQuery { Size = 2 }, Ct).ToListAsync(Ct);

        Assert.Equal(2, first.Data.Count);
        Assert.False(string.IsNullOrEmpty(first.Offset));
        Assert.All(names.Append("example-service"), name => Assert.Contains(name, all.Select(s => s.Name)));
        Assert.Equal(all.Count, all.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(1 + ((all.Count + 1) / 2), fixture.Host.Emulator.Requests.Count("GET", listRoute) - before);
    }

    [Theory]
    [InlineData("global")]
    [InlineData("service")]
    [InlineData("route")]
    public async Task Plugins_are_upserted_read_listed_and_deleted_at_each_scope(string kind)
    {
        var cp = await QuickstartIdAsync();
        var scope = kind switch
        {
            "service" => PluginScope.Service("example-service"),
            "route" => PluginScope.Route("example-route"),
            _ => PluginScope.Global,
        };
        var id = Guid.NewGuid().ToString();
        var tag = EmulatorFixture.Unique("t");
        var plugins = fixture.Client.Plugins;

        var created = await plugins.UpsertAsync(cp, scope, id, UpstreamOAuth("my-scope", tag), Ct);
        var replaced = await plugins.UpsertAsync(cp, scope, id, UpstreamOAuth("other-scope", tag), Ct);
        var fetched = await plugins.GetAsync(cp, scope, id, Ct);
        var tagged = await plugins.ListAsync(cp, scope, new CoreEntityListQuery { Tags = [tag] }, Ct);

        Assert.Equal((id, "upstream-oauth", true), (created.Id, created.Name, created.Enabled));
        Assert.Equal("other-scope", replaced.Config!["oauth"]!["scopes"]![0]!.GetValue<string>());
        Assert.Equal(replaced.Config.ToJsonString(), fetched!.Config!.ToJsonString());
        Assert.Equal(id, Assert.Single(tagged.Data).Id);
        if (kind == "service")
        {
            Assert.NotNull(fetched.Service);
        }
        else if (kind == "route")
        {
            Assert.NotNull(fetched.Route);
        }
        else
        {
            Assert.Null(fetched.Service ?? fetched.Route);
        }

        Assert.True(await plugins.DeleteAsync(cp, scope, id, Ct));
        Assert.Null(await plugins.GetAsync(cp, scope, id, Ct));
        Assert.True(await plugins.DeleteAsync(cp, scope, id, Ct));
    }

    [Fact]
    public async Task Post_creates_a_plugin_with_a_generated_id_and_defaults_filled()
    {
        var cp = await fixture.Client.ControlPlanes.FindByNameAsync("quickstart", Ct);
        var plugins = fixture.Client.Plugins;

        var created = await plugins.CreateAsync(cp!.Id, PluginScope.Route("example-route"), new PluginUpsert("upstream-oauth")
        {
            Config = JsonNode.Parse("""{"oauth":{"token_endpoint":"http://issuer/oauth/token","client_id":"a","client_secret":"b-0123456789"}}""")!.AsObject(),
        }, Ct);

        try
        {
            Assert.True(Guid.TryParse(created.Id, out _));
            Assert.Equal("openid", created.Config!["oauth"]!["scopes"]![0]!.GetValue<string>());
        }
        finally
        {
            await plugins.DeleteAsync(cp.Id, PluginScope.Route("example-route"), created.Id, Ct);
        }
    }

    [Fact]
    public async Task List_all_follows_the_cursor_and_tags_combine_with_and_or()
    {
        var cp = await QuickstartIdAsync();
        var common = EmulatorFixture.Unique("all");
        var odd = EmulatorFixture.Unique("odd");
        string[] names = ["key-auth", "cors", "acl", "rate-limiting", "request-transformer"];
        for (var i = 0; i < names.Length; i++)
        {
            await fixture.Client.Plugins.UpsertAsync(
                cp, PluginScope.Global, Guid.NewGuid().ToString(), new PluginUpsert(names[i]) { Tags = i % 2 == 1 ? [common, odd] : [common] }, Ct);
        }

        var first = await fixture.Client.Plugins.ListAsync(cp, PluginScope.Global, new CoreEntityListQuery { Tags = [common], Size = 2 }, Ct);
        var all = await fixture.Client.Plugins.ListAllAsync(cp, PluginScope.Global, new CoreEntityListQuery { Tags = [common], Size = 2 }, Ct).ToListAsync(Ct);
        var both = await fixture.Client.Plugins.ListAllAsync(cp, PluginScope.Global, new CoreEntityListQuery { Tags = [common, odd] }, Ct).ToListAsync(Ct);
        var either = await fixture.Client.Plugins.ListAllAsync(
            cp, PluginScope.Global, new CoreEntityListQuery { Tags = [odd, "no-such-tag"], TagMatch = TagMatch.Any }, Ct).ToListAsync(Ct);

        Assert.Equal(2, first.Data.Count);
        Assert.False(string.IsNullOrEmpty(first.Offset));
        Assert.Equal(names.Order(StringComparer.Ordinal), all.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["cors", "rate-limiting"], both.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["cors", "rate-limiting"], either.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.True(fixture.Host.Emulator.Requests.Count("GET", "/v2/control-planes/{controlPlaneId}/core-entities/plugins") >= 4);
    }

    [Fact]
    public async Task Invalid_plugin_config_is_a_core_entities_400()
    {
        var cp = await QuickstartIdAsync();

        var error = await Assert.ThrowsAsync<KonnectApiException>(() => fixture.Client.Plugins.UpsertAsync(
            cp, PluginScope.Global, Guid.NewGuid().ToString(), new PluginUpsert("upstream-oauth") { Config = new JsonObject { ["oauth"] = new JsonObject() } }, Ct));

        Assert.True(error.IsBadRequest);
        Assert.Equal(3, error.Code);
        Assert.NotEmpty(error.Details);
        Assert.Contains("token_endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_plugin_of_the_same_name_and_scope_is_a_uniqueness_violation()
    {
        var cp = await QuickstartIdAsync();
        var first = Guid.NewGuid().ToString();
        await fixture.Client.Plugins.UpsertAsync(cp, PluginScope.Service("example-service"), first, new PluginUpsert("cors"), Ct);

        try
        {
            var error = await Assert.ThrowsAsync<KonnectApiException>(() => fixture.Client.Plugins.UpsertAsync(
                cp, PluginScope.Service("example-service"), Guid.NewGuid().ToString(), new PluginUpsert("cors"), Ct));

            Assert.True(error.IsBadRequest);
            Assert.True(error.IsUniquenessViolation, error.Message);
        }
        finally
        {
            await fixture.Client.Plugins.DeleteAsync(cp, PluginScope.Service("example-service"), first, Ct);
        }
    }

    [Fact]
    public async Task Plugins_under_a_missing_control_plane_or_parent_are_not_found()
    {
        var cp = await QuickstartIdAsync();

        Assert.Null(await fixture.Client.Plugins.GetAsync(Guid.NewGuid().ToString(), PluginScope.Global, Guid.NewGuid().ToString(), Ct));
        var error = await Assert.ThrowsAsync<KonnectApiException>(() => fixture.Client.Plugins.UpsertAsync(
            cp, PluginScope.Service("no-such-service"), Guid.NewGuid().ToString(), new PluginUpsert("cors"), Ct));
        Assert.True(error.IsNotFound);
    }

    [Fact]
    public async Task Core_entities_401_uses_the_message_shape()
    {
        var cp = await QuickstartIdAsync();

        var error = await Assert.ThrowsAsync<KonnectApiException>(
            () => fixture.Host.Client("kpat_wrong_token_value").Plugins.ListAsync(cp, PluginScope.Global, null, Ct));

        Assert.True(error.IsUnauthorized);
        Assert.Equal("Unauthorized", error.Detail);
    }
}
