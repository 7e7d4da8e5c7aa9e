using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Errors;
using KongIdentityOperator.Sandbox.KubeApi.Json;
using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Sandbox.KubeApi.Http;

/// <summary>The test hooks over HTTP: <c>/_sandbox/drop-watches|fail-writes|latency|compact|bookmarks|requests</c>.</summary>
internal sealed class SandboxEndpoints(KubeApiHooks hooks, RequestLog log)
{
    public const string Prefix = "/_sandbox/";

    public async Task HandleAsync(HttpContext context)
    {
        var action = context.Request.Path.Value![Prefix.Length..].TrimEnd('/');
        var method = context.Request.Method;
        switch (action)
        {
            case "drop-watches" when method == "POST":
                hooks.DropAllWatches();
                break;
            case "compact" when method == "POST":
                hooks.CompactHistory();
                break;
            case "bookmarks" when method == "POST":
                hooks.EmitBookmarks();
                break;
            case "fail-writes" when method == "POST":
                var failure = await RequestBody.ReadAsync(context.Request, yaml: false, context.RequestAborted);
                hooks.FailNextWrites(Int(failure, "count") ?? 1, Int(failure, "status") ?? 409);
                break;
            case "latency" when method == "POST":
                var latency = await RequestBody.ReadAsync(context.Request, yaml: false, context.RequestAborted);
                hooks.SetLatency(TimeSpan.FromMilliseconds(Int(latency, "ms") ?? 0));
                break;
            case "requests" when method == "GET":
                await Responses.WriteAsync(context, 200, JsonSerializer.SerializeToUtf8Bytes(log.Snapshot(), LogJson));
                return;
            case "requests" when method == "DELETE":
                log.Clear();
                break;
            default:
                throw ApiErrors.ResourceNotFound();
        }

        await Responses.WriteAsync(context, 200, new JsonObject { ["ok"] = true });
    }

    private static int? Int(JsonNode? body, string field) =>
        body.At(field).TryGetLong(out var value) ? (int)Math.Clamp(value, int.MinValue, int.MaxValue)
        : int.TryParse(body.StringAt(field), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : null;

    private static readonly JsonSerializerOptions LogJson = new(JsonSerializerDefaults.Web);
}
