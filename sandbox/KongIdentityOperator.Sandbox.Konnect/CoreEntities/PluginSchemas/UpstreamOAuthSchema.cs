using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities.PluginSchemas;

/// <summary>
/// The <c>upstream-oauth</c> config schema (gateway 3.15 plugin schema, CONTRACT §9): required
/// <c>config.oauth.token_endpoint</c>, enums and ranges, defaults (e.g. <c>scopes = ["openid"]</c>), and the entity
/// check that <c>client_id</c> and <c>client_secret</c> are set unless <c>config.client.auth_method</c> is <c>none</c>.
/// </summary>
internal static class UpstreamOAuthSchema
{
    private const long MaxTimeout = 2_147_483_646;

    private static readonly IReadOnlyList<string> HttpProtocols = ["grpc", "grpcs", "http", "https"];

    private static readonly StringField Text = new("item");

    public static PluginSchema Schema { get; } = new(
        "upstream-oauth",
        new RecordField("config", [Oauth(), Client(), Cache(), Behavior()]) { Required = true },
        HttpProtocols,
        Checks);

    private static RecordField Oauth() => new("oauth",
    [
        new StringField("token_endpoint", Url: true) { Required = true },
        new StringField("grant_type", "client_credentials", ["client_credentials", "password"]),
        new StringField("client_id"),
        new StringField("client_secret"),
        new StringField("username"),
        new StringField("password"),
        new ArrayField("scopes", Text, """["openid"]"""),
        new ArrayField("audience", Text, "[]"),
        new StringMapField("token_headers"),
        new StringMapField("token_post_args"),
    ])
    {
        Required = true,
    };

    private static RecordField Client() => new("client",
    [
        new StringField("auth_method", "client_secret_post", ["client_secret_basic", "client_secret_jwt", "client_secret_post", "none"]),
        new StringField("client_secret_jwt_alg", "HS512", ["HS256", "HS512"]),
        new NumberField("http_version", 1.1, OneOf: [1.0, 1.1]),
        new StringField("http_proxy", Url: true),
        new StringField("http_proxy_authorization"),
        new StringField("https_proxy", Url: true),
        new StringField("https_proxy_authorization"),
        new StringField("no_proxy"),
        new IntegerField("timeout", 10_000, 0, MaxTimeout),
        new BooleanField("keep_alive", true),
        new BooleanField("ssl_verify", true),
    ]);

    private static RecordField Cache() => new("cache",
    [
        new StringField("strategy", "memory", ["memory", "redis"]),
        new RecordField("memory", [new StringField("dictionary_name", "kong_db_cache")]),
        new IntegerField("eagerly_expire", 5, 0),
        new NumberField("default_ttl", 3600, GreaterThan: 0),
        Redis(),
    ]);

    private static RecordField Redis() => new("redis",
    [
        new StringField("host", "127.0.0.1"),
        new IntegerField("port", 6379, 0, 65535),
        new IntegerField("database", 0),
        new StringField("username"),
        new StringField("password"),
        new IntegerField("connect_timeout", 2000, 0, MaxTimeout),
        new IntegerField("read_timeout", 2000, 0, MaxTimeout),
        new IntegerField("send_timeout", 2000, 0, MaxTimeout),
        new IntegerField("keepalive_pool_size", 256, 1, MaxTimeout),
        new IntegerField("keepalive_backlog", null, 0, MaxTimeout),
        new BooleanField("ssl", false),
        new BooleanField("ssl_verify", true),
        new StringField("server_name"),
        new BooleanField("connection_is_proxied", false),
        new IntegerField("cluster_max_redirections", 5),
        new ArrayField("cluster_nodes", new RecordField("item", [new StringField("ip", "127.0.0.1"), new IntegerField("port", 6379, 0, 65535)])),
        new StringField("sentinel_master"),
        new StringField("sentinel_role", OneOf: ["any", "master", "slave"]),
        new StringField("sentinel_username"),
        new StringField("sentinel_password"),
        new ArrayField("sentinel_nodes", new RecordField("item", [new StringField("host", "127.0.0.1"), new IntegerField("port", 6379, 0, 65535)])),
        new RecordField("cloud_authentication",
        [
            new StringField("auth_provider", OneOf: ["aws", "azure", "gcp"]),
            new StringField("aws_access_key_id"),
            new StringField("aws_secret_access_key"),
            new StringField("aws_assume_role_arn"),
            new StringField("aws_cache_name"),
            new BooleanField("aws_is_serverless", true),
            new StringField("aws_region"),
            new StringField("aws_role_session_name"),
            new StringField("azure_client_id"),
            new StringField("azure_client_secret"),
            new StringField("azure_tenant_id"),
            new StringField("gcp_service_account_json"),
        ])
        {
            NullWhenAbsent = true,
        },
    ]);

    private static RecordField Behavior() => new("behavior",
    [
        new StringField("upstream_access_token_header_name", "Authorization"),
        new IntegerField("idp_error_response_status_code", 502, 500, 599),
        new StringField("idp_error_response_content_type", "application/json; charset=utf-8"),
        new StringField("idp_error_response_message", "Failed to authenticate request to upstream"),
        new StringField("idp_error_response_body_template", """{ "code": "{{status}}", "message": "{{message}}" }"""),
        new ArrayField("purge_token_on_upstream_status_codes", new IntegerField("item", null, 100, 599), "[401]"),
    ]);

    private static IEnumerable<CoreErrorDetail> Checks(JsonObject config)
    {
        var oauth = config["oauth"] as JsonObject;
        var authMethod = config["client"]?["auth_method"]?.GetValue<string>();
        if (oauth is null)
        {
            yield break;
        }

        if (authMethod != "none" && (IsMissing(oauth["client_id"]) || IsMissing(oauth["client_secret"])))
        {
            yield return CoreErrorDetail.EntityError(
                "all of 'config.oauth.client_id', 'config.oauth.client_secret' are required when 'config.client.auth_method' is not 'none'");
        }

        if (oauth["grant_type"]?.GetValue<string>() == "password" && (IsMissing(oauth["username"]) || IsMissing(oauth["password"])))
        {
            yield return CoreErrorDetail.EntityError(
                "all of 'config.oauth.username', 'config.oauth.password' are required when 'config.oauth.grant_type' is 'password'");
        }
    }

    private static bool IsMissing(JsonNode? node) => node is null || (node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length == 0);
}
