using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Json;
using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Sandbox.KubeApi.Http;

/// <summary>Writes JSON responses with the headers the real server sends.</summary>
internal static class Responses
{
    public static Task WriteAsync(HttpContext context, int statusCode, JsonNode body, string contentType = MediaTypes.Json) =>
        WriteAsync(context, statusCode, JsonText.ToUtf8(body), contentType);

    public static async Task WriteAsync(HttpContext context, int statusCode, byte[] body, string contentType = MediaTypes.Json)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    /// <summary>Adds <c>Warning: 299 - "..."</c> headers, as the real server does for dropped fields.</summary>
    public static void AddWarnings(HttpContext context, IEnumerable<string> warnings)
    {
        foreach (var warning in warnings)
        {
            context.Response.Headers.Append("Warning", $"299 - \"{warning.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        }
    }
}
