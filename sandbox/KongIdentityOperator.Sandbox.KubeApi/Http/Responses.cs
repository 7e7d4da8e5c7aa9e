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
        if (IsPrettyPrint(context.Request) && body.Length > 0 && body[0] == (byte)'{')
        {
            body = JsonText.Indent(body);
        }

        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    /// <summary>
    /// The real server's isPrettyPrint: <c>pretty</c> read by Go's <c>strconv.ParseBool</c> (an unparsable value
    /// means false), else true for curl, Wget and browsers.
    /// </summary>
    public static bool IsPrettyPrint(HttpRequest request)
    {
        var pretty = QueryParameters.String(request.Query, "pretty");
        if (pretty.Length > 0)
        {
            return QueryParameters.GoParseBool(pretty) ?? false;
        }

        var userAgent = request.Headers.UserAgent.ToString();
        return userAgent.StartsWith("curl", StringComparison.Ordinal)
            || userAgent.StartsWith("Wget", StringComparison.Ordinal)
            || userAgent.StartsWith("Mozilla/5.0", StringComparison.Ordinal);
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
