using System.Text.Json;
using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.Konnect.CoreEntities;

namespace KongIdentityOperator.Sandbox.Konnect.State;

/// <summary>Removes credential fields from plugin configs before they leave the process as JSON.</summary>
internal static class ConfigRedaction
{
    private static readonly HashSet<string> SecretFields = new(StringComparer.Ordinal)
    {
        "client_secret",
        "password",
        "sentinel_password",
        "aws_secret_access_key",
        "azure_client_secret",
        "gcp_service_account_json",
        "http_proxy_authorization",
        "https_proxy_authorization",
    };

    public static JsonElement Redact(JsonElement config)
    {
        var node = JsonNode.Parse(config.GetRawText());
        Strip(node);
        return node is JsonObject obj ? JsonSerializer.SerializeToElement(obj, CoreJsonContext.Default.JsonObject) : config;
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).Where(SecretFields.Contains).ToList())
                {
                    obj.Remove(name);
                }

                foreach (var child in obj.Select(p => p.Value).ToList())
                {
                    Strip(child);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Strip(item);
                }

                break;
        }
    }
}
