using System.Text.Json.Nodes;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Konnect.CoreEntities;
using KongIdentityOperator.Mapping;

namespace KongIdentityOperator.Tests.Unit.Mapping;

public sealed class PluginMappingTests
{
    private const string Secret = "the-client-secret";
    private static readonly PluginTarget Service = new("svc-1", null);
    private static readonly PluginInputs Inputs = new("https://issuer.example/auth/oauth/token", "team-a-orders", Secret, ["my-scope", "orders:read"], Service);

    [Fact]
    public void The_plugin_id_is_the_objects_uid()
    {
        var entity = TestEntities.Policy();

        Assert.Equal(entity.Metadata.Uid, PluginMapping.PluginId(entity));
    }

    [Fact]
    public void The_plugin_id_is_the_adopted_id_when_adopting() =>
        Assert.Equal("plugin-7", PluginMapping.PluginId(TestEntities.Policy(spec: s => s.Adopt = new() { Id = "plugin-7" })));

    [Fact]
    public void A_minimal_policy_sends_only_the_oauth_section()
    {
        var upsert = PluginMapping.Upsert(TestEntities.Policy(), Inputs);

        Assert.Equal("upstream-oauth", upsert.Name);
        Assert.True(upsert.Enabled);
        AssertJson(
            """
            { "oauth": { "token_endpoint": "https://issuer.example/auth/oauth/token", "grant_type": "client_credentials",
                         "client_id": "team-a-orders", "client_secret": "the-client-secret",
                         "scopes": ["my-scope", "orders:read"], "audience": [] } }
            """,
            upsert.Config);
    }

    [Fact]
    public void Audience_is_an_array_of_the_spec_values()
    {
        var upsert = PluginMapping.Upsert(TestEntities.Policy(spec: s => s.Audience = ["http://a", "http://b"]), Inputs);

        AssertJson("""["http://a", "http://b"]""", upsert.Config!["oauth"]!["audience"]);
    }

    [Fact]
    public void Every_set_field_lands_in_its_section()
    {
        var upsert = PluginMapping.Upsert(FullySpecified(), Inputs);

        AssertJson(
            """
            { "auth_method": "client_secret_basic", "timeout": 5000, "ssl_verify": true, "keep_alive": false }
            """,
            upsert.Config!["client"]);
        AssertJson("""{ "eagerly_expire": 10, "default_ttl": 120.5 }""", upsert.Config["cache"]);
        AssertJson(
            """
            { "upstream_access_token_header_name": "X-Token", "idp_error_response_status_code": 503,
              "idp_error_response_content_type": "text/plain", "idp_error_response_message": "no token",
              "idp_error_response_body_template": "{{message}}", "purge_token_on_upstream_status_codes": [401, 403] }
            """,
            upsert.Config["behavior"]);
        Assert.False(upsert.Enabled);
    }

    [Fact]
    public void Only_the_set_fields_of_a_section_are_sent()
    {
        var upsert = PluginMapping.Upsert(TestEntities.Policy(spec: s => { s.Client = new() { TimeoutMilliseconds = 2000 }; s.Behavior = new() { PurgeTokenOnUpstreamStatusCodes = [] }; }), Inputs);

        AssertJson("""{ "timeout": 2000 }""", upsert.Config!["client"]);
        AssertJson("""{ "purge_token_on_upstream_status_codes": [] }""", upsert.Config["behavior"]);
        Assert.False(upsert.Config.ContainsKey("cache"));
    }

    [Fact]
    public void Empty_sections_are_left_out()
    {
        var upsert = PluginMapping.Upsert(TestEntities.Policy(spec: s => { s.Client = new(); s.Cache = new(); s.Behavior = new(); }), Inputs);

        Assert.Equal(["oauth"], upsert.Config!.Select(p => p.Key));
    }

    [Fact]
    public void Tags_tie_the_plugin_to_the_object()
    {
        var entity = TestEntities.Policy();

        var upsert = PluginMapping.Upsert(entity, Inputs);

        Assert.Equal(
            ["managed-by:kong-identity-operator", $"k8s-uid:{entity.Metadata.Uid}", "k8s-namespace:team-a", "k8s-name:orders-oauth", "k8s-kind:UpstreamOAuthPolicy"],
            upsert.Tags);
    }

    [Fact]
    public void Neither_the_upsert_nor_the_inputs_print_the_secret()
    {
        var upsert = PluginMapping.Upsert(TestEntities.Policy(), Inputs);

        Assert.DoesNotContain(Secret, upsert.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, Inputs.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Konnect_echoing_the_config_with_schema_defaults_and_a_masked_secret_does_not_differ()
    {
        var entity = FullySpecified();
        var upsert = PluginMapping.Upsert(entity, Inputs);

        Assert.False(PluginMapping.Differs(upsert, Service, AsReturnedByKonnect(entity)));
    }

    [Fact]
    public void A_minimal_policy_read_back_with_every_default_does_not_differ()
    {
        var entity = TestEntities.Policy();
        var upsert = PluginMapping.Upsert(entity, Inputs);

        Assert.False(PluginMapping.Differs(upsert, Service, AsReturnedByKonnect(entity)));
    }

    [Theory]
    [InlineData("\"******\"")]
    [InlineData("\"an-older-secret\"")]
    [InlineData("null")]
    public void The_client_secret_is_never_compared(string readBack)
    {
        var entity = TestEntities.Policy();
        var upsert = PluginMapping.Upsert(entity, Inputs);
        var actual = AsReturnedByKonnect(entity);
        actual.Config!["oauth"]!["client_secret"] = JsonNode.Parse(readBack);

        Assert.False(PluginMapping.Differs(upsert, Service, actual));
    }

    [Fact]
    public void Differs_does_not_change_the_desired_config()
    {
        var upsert = PluginMapping.Upsert(TestEntities.Policy(), Inputs);

        _ = PluginMapping.Differs(upsert, Service, AsReturnedByKonnect(TestEntities.Policy()));

        Assert.Equal(Secret, (string?)upsert.Config!["oauth"]!["client_secret"]);
    }

    public static TheoryData<string, string> ConfigChanges() => new()
    {
        { "oauth", """{"token_endpoint": "https://other/oauth/token"}""" },
        { "oauth", """{"client_id": "someone-else"}""" },
        { "oauth", """{"grant_type": "password"}""" },
        { "oauth", """{"scopes": ["my-scope"]}""" },
        { "oauth", """{"scopes": ["openid"]}""" },
        { "oauth", """{"audience": ["http://a"]}""" },
        { "client", """{"auth_method": "client_secret_post"}""" },
        { "client", """{"timeout": 10000}""" },
        { "client", """{"ssl_verify": false}""" },
        { "client", """{"keep_alive": true}""" },
        { "cache", """{"eagerly_expire": 5}""" },
        { "cache", """{"default_ttl": 3600}""" },
        { "behavior", """{"upstream_access_token_header_name": "Authorization"}""" },
        { "behavior", """{"idp_error_response_status_code": 502}""" },
        { "behavior", """{"idp_error_response_content_type": "application/json"}""" },
        { "behavior", """{"idp_error_response_message": "other"}""" },
        { "behavior", """{"idp_error_response_body_template": "other"}""" },
        { "behavior", """{"purge_token_on_upstream_status_codes": [401]}""" },
    };

    [Theory]
    [MemberData(nameof(ConfigChanges))]
    public void A_set_field_changed_in_konnect_differs(string section, string change)
    {
        var entity = FullySpecified();
        var upsert = PluginMapping.Upsert(entity, Inputs);
        var actual = AsReturnedByKonnect(entity);
        foreach (var (key, value) in JsonNode.Parse(change)!.AsObject())
        {
            actual.Config![section]![key] = value?.DeepClone();
        }

        Assert.True(PluginMapping.Differs(upsert, Service, actual));
    }

    [Fact]
    public void A_set_field_missing_in_konnect_differs()
    {
        var entity = FullySpecified();
        var actual = AsReturnedByKonnect(entity);
        actual.Config!["cache"]!.AsObject().Remove("default_ttl");

        Assert.True(PluginMapping.Differs(PluginMapping.Upsert(entity, Inputs), Service, actual));
    }

    [Fact]
    public void A_missing_config_differs()
    {
        var entity = TestEntities.Policy();

        Assert.True(PluginMapping.Differs(PluginMapping.Upsert(entity, Inputs), Service, AsReturnedByKonnect(entity) with { Config = null }));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Enabled_differs_both_ways(bool enabled)
    {
        var entity = TestEntities.Policy(spec: s => s.Enabled = enabled);

        Assert.False(PluginMapping.Differs(PluginMapping.Upsert(entity, Inputs), Service, AsReturnedByKonnect(entity) with { Enabled = enabled }));
        Assert.True(PluginMapping.Differs(PluginMapping.Upsert(entity, Inputs), Service, AsReturnedByKonnect(entity) with { Enabled = !enabled }));
    }

    [Fact]
    public void Tags_compare_as_a_set_and_any_change_differs()
    {
        var entity = TestEntities.Policy();
        var upsert = PluginMapping.Upsert(entity, Inputs);
        var actual = AsReturnedByKonnect(entity);

        Assert.False(PluginMapping.Differs(upsert, Service, actual with { Tags = [.. upsert.Tags!.Reverse()] }));
        Assert.True(PluginMapping.Differs(upsert, Service, actual with { Tags = [.. upsert.Tags!.Skip(1)] }));
        Assert.True(PluginMapping.Differs(upsert, Service, actual with { Tags = [.. upsert.Tags!, "extra"] }));
        Assert.True(PluginMapping.Differs(upsert, Service, actual with { Tags = null }));
    }

    [Fact]
    public void The_name_differs()
    {
        var entity = TestEntities.Policy();

        Assert.True(PluginMapping.Differs(PluginMapping.Upsert(entity, Inputs), Service, AsReturnedByKonnect(entity) with { Name = "openid-connect" }));
    }

    public static TheoryData<string?, string?, string?, string?, bool> Targets() => new()
    {
        { "svc-1", null, "svc-1", null, false },
        { null, "route-1", null, "route-1", false },
        { null, null, null, null, false },
        { "svc-1", null, "svc-2", null, true },
        { "svc-1", null, null, null, true },
        { null, null, "svc-1", null, true },
        { null, "route-1", null, "route-2", true },
        { null, "route-1", null, null, true },
        { "svc-1", null, null, "svc-1", true },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void The_target_differs(string? serviceId, string? routeId, string? actualService, string? actualRoute, bool differs)
    {
        var entity = TestEntities.Policy();
        var target = new PluginTarget(serviceId, routeId);
        var actual = AsReturnedByKonnect(entity) with
        {
            Service = actualService is null ? null : new EntityReference(actualService),
            Route = actualRoute is null ? null : new EntityReference(actualRoute),
        };

        Assert.Equal(differs, PluginMapping.Differs(PluginMapping.Upsert(entity, Inputs with { Target = target }), target, actual));
    }

    [Fact]
    public void A_global_target_has_no_id()
    {
        Assert.Null(PluginTarget.Global.Id);
        Assert.Equal("svc-1", new PluginTarget("svc-1", null).Id);
        Assert.Equal("route-1", new PluginTarget(null, "route-1").Id);
    }

    private static UpstreamOAuthPolicy FullySpecified() => TestEntities.Policy(spec: s =>
    {
        s.Enabled = false;
        s.Client = new() { AuthMethod = UpstreamAuthMethod.ClientSecretBasic, TimeoutMilliseconds = 5000, SslVerify = true, KeepAlive = false };
        s.Cache = new() { EagerlyExpireSeconds = 10, DefaultTtlSeconds = 120.5 };
        s.Behavior = new()
        {
            UpstreamAccessTokenHeaderName = "X-Token",
            IdpErrorResponseStatusCode = 503,
            IdpErrorResponseContentType = "text/plain",
            IdpErrorResponseMessage = "no token",
            IdpErrorResponseBodyTemplate = "{{message}}",
            PurgeTokenOnUpstreamStatusCodes = [401, 403],
        };
    });

    /// <summary>
    /// The plugin as Konnect returns it: parsed from JSON, every field of the upstream-oauth schema filled in (with the
    /// spec's values where set, the schema defaults elsewhere), and the client secret masked.
    /// </summary>
    private static Plugin AsReturnedByKonnect(UpstreamOAuthPolicy entity)
    {
        var sent = PluginMapping.Upsert(entity, Inputs);
        var config = JsonNode.Parse(
            """
            {
              "oauth": { "token_endpoint": null, "grant_type": "client_credentials", "client_id": null, "client_secret": null,
                         "username": null, "password": null, "scopes": ["openid"], "audience": [], "token_headers": {}, "token_post_args": {} },
              "client": { "auth_method": "client_secret_post", "client_secret_jwt_alg": "HS512", "http_version": 1.1, "http_proxy": null,
                          "https_proxy": null, "http_proxy_authorization": null, "https_proxy_authorization": null, "no_proxy": null,
                          "timeout": 10000, "keep_alive": true, "ssl_verify": false },
              "cache": { "strategy": "memory", "memory": { "dictionary_name": "kong_db_cache" }, "eagerly_expire": 5, "default_ttl": 3600,
                         "redis": { "host": "127.0.0.1", "port": 6379, "database": 0, "ssl": false, "ssl_verify": true } },
              "behavior": { "upstream_access_token_header_name": "Authorization", "idp_error_response_status_code": 502,
                            "idp_error_response_content_type": "application/json; charset=utf-8",
                            "idp_error_response_message": "Failed to authenticate request to upstream",
                            "idp_error_response_body_template": "{ \"code\": \"{{status}}\", \"message\": \"{{message}}\" }",
                            "purge_token_on_upstream_status_codes": [401] }
            }
            """)!.AsObject();
        foreach (var (section, values) in sent.Config!)
        {
            foreach (var (key, value) in values!.AsObject())
            {
                config[section]![key] = JsonNode.Parse(value!.ToJsonString());
            }
        }

        config["oauth"]!["client_secret"] = "******";
        return new Plugin
        {
            Id = PluginMapping.PluginId(entity),
            Name = "upstream-oauth",
            Config = config,
            Enabled = sent.Enabled ?? true,
            Protocols = ["grpc", "grpcs", "http", "https"],
            Tags = [.. sent.Tags!],
            Service = new EntityReference("svc-1"),
            CreatedAt = 1_767_000_000,
        };
    }

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}, got {actual?.ToJsonString()}");
}
