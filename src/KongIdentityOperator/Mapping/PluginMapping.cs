using System.Text.Json.Nodes;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Konnect.CoreEntities;

namespace KongIdentityOperator.Mapping;

/// <summary>The <c>upstream-oauth</c> plugin an <see cref="UpstreamOAuthPolicy"/> asks for, and whether Konnect differs.</summary>
internal static class PluginMapping
{
    public const string PluginName = "upstream-oauth";

    /// <summary>The plugin id: the adopted one, else the object's uid (a UUID), so a PUT is an idempotent upsert.</summary>
    public static string PluginId(UpstreamOAuthPolicy entity) => entity.Spec.Adopt?.Id ?? entity.Metadata.Uid;

    public static PluginUpsert Upsert(UpstreamOAuthPolicy entity, PluginInputs inputs)
    {
        var spec = entity.Spec;
        var config = new JsonObject
        {
            ["oauth"] = new JsonObject
            {
                ["token_endpoint"] = inputs.TokenEndpoint,
                ["grant_type"] = "client_credentials",
                ["client_id"] = inputs.ClientId,
                ["client_secret"] = inputs.ClientSecret,
                ["scopes"] = new JsonArray([.. inputs.ScopeNames.Select(s => JsonValue.Create(s))]),
                ["audience"] = new JsonArray([.. (spec.Audience ?? []).Select(a => JsonValue.Create(a))]),
            },
        };
        AddSection(config, "client", new JsonObject
        {
            ["auth_method"] = spec.Client?.AuthMethod is { } method ? WireNames.Of(method) : null,
            ["timeout"] = spec.Client?.TimeoutMilliseconds,
            ["ssl_verify"] = spec.Client?.SslVerify,
            ["keep_alive"] = spec.Client?.KeepAlive,
        });
        AddSection(config, "cache", new JsonObject
        {
            ["eagerly_expire"] = spec.Cache?.EagerlyExpireSeconds,
            ["default_ttl"] = spec.Cache?.DefaultTtlSeconds,
        });
        AddSection(config, "behavior", new JsonObject
        {
            ["upstream_access_token_header_name"] = spec.Behavior?.UpstreamAccessTokenHeaderName,
            ["idp_error_response_status_code"] = spec.Behavior?.IdpErrorResponseStatusCode,
            ["idp_error_response_content_type"] = spec.Behavior?.IdpErrorResponseContentType,
            ["idp_error_response_message"] = spec.Behavior?.IdpErrorResponseMessage,
            ["idp_error_response_body_template"] = spec.Behavior?.IdpErrorResponseBodyTemplate,
            ["purge_token_on_upstream_status_codes"] = spec.Behavior?.PurgeTokenOnUpstreamStatusCodes is { } codes
                ? new JsonArray([.. codes.Select(c => JsonValue.Create(c))])
                : null,
        });

        return new PluginUpsert(PluginName)
        {
            Config = config,
            Enabled = spec.Enabled ?? true,
            Tags = OwnershipMarkers.Tags(entity.Metadata.Uid, entity.Metadata.NamespaceProperty, entity.Metadata.Name, entity.Kind),
        };
    }

    /// <summary>
    /// Whether Konnect differs from what we would PUT. Only the fields we set are compared (Konnect fills in the
    /// schema's defaults for the rest); the client secret is never compared, because Konnect may mask it on read —
    /// secret changes are tracked by the credentials version instead.
    /// </summary>
    public static bool Differs(PluginUpsert desired, PluginTarget target, Plugin actual) =>
        actual.Name != desired.Name
        || actual.Enabled != (desired.Enabled ?? true)
        || actual.Service?.Id != target.ServiceId
        || actual.Route?.Id != target.RouteId
        || !new HashSet<string>(desired.Tags ?? [], StringComparer.Ordinal).SetEquals(actual.Tags ?? [])
        || !IsSubset(WithoutSecret(desired.Config!), actual.Config);

    private static JsonObject WithoutSecret(JsonObject config)
    {
        var copy = (JsonObject)config.DeepClone();
        (copy["oauth"] as JsonObject)?.Remove("client_secret");
        return copy;
    }

    private static bool IsSubset(JsonNode? desired, JsonNode? actual) => desired switch
    {
        JsonObject o => actual is JsonObject a && o.All(p => IsSubset(p.Value, a[p.Key])),
        _ => JsonNode.DeepEquals(desired, actual),
    };

    private static void AddSection(JsonObject config, string name, JsonObject section)
    {
        foreach (var key in section.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            section.Remove(key);
        }

        if (section.Count > 0)
        {
            config[name] = section;
        }
    }
}
