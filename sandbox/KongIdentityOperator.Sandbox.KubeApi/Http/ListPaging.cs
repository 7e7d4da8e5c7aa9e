using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Errors;

namespace KongIdentityOperator.Sandbox.KubeApi.Http;

/// <summary>
/// <c>limit</c>/<c>continue</c> tokens shaped like the real server's: base64 of
/// <c>{"v":"meta.k8s.io/v1","rv":N,"start":"ns/name\u0000"}</c>. Every page reads the snapshot at <c>rv</c>; an
/// <c>rv</c> of -1 (handed out when the snapshot expired) continues from the current state.
/// </summary>
internal static class ListPaging
{
    private const string TokenVersion = "meta.k8s.io/v1";

    public static string Encode(long resourceVersion, string lastKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject
        {
            ["v"] = TokenVersion,
            ["rv"] = resourceVersion,
            ["start"] = lastKey + "\0",
        }.ToJsonString()));

    /// <summary>The token's resourceVersion and the key every item of the next page sorts at or after.</summary>
    public static (long ResourceVersion, string StartKey) Decode(string token)
    {
        JsonObject? node;
        try
        {
            node = JsonNode.Parse(Convert.FromBase64String(token)) as JsonObject;
        }
        catch (FormatException e)
        {
            throw ApiErrors.BadRequest($"continue key is not valid: {e.Message}");
        }
        catch (JsonException e)
        {
            throw ApiErrors.BadRequest($"continue key is not valid: {e.Message}");
        }

        if (node?["v"]?.GetValue<string>() != TokenVersion)
        {
            throw ApiErrors.BadRequest("continue key is not valid: server does not recognize this encoded key");
        }

        var start = node["start"]?.GetValue<string>() ?? string.Empty;
        if (start.Length == 0 || start.Contains("..", StringComparison.Ordinal))
        {
            throw ApiErrors.BadRequest("continue key is not valid: the encoded key is not valid");
        }

        return (node["rv"]?.GetValue<long>() ?? 0, start);
    }

    public static string SortKey(string @namespace, string name) => $"{@namespace}/{name}";
}
