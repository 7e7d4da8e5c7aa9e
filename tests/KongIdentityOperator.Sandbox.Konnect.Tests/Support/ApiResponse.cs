using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace KongIdentityOperator.Sandbox.Konnect.Tests.Support;

/// <summary>A response read to the end: status, headers, content type and JSON body (default when empty).</summary>
public sealed record ApiResponse(HttpStatusCode Status, HttpResponseHeaders Headers, string? ContentType, JsonElement Body, string Text)
{
    public string Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    public string String(string property) => Body.GetProperty(property).GetString()!;

    /// <summary>The <c>invalid_parameters</c> entries as (field, rule) pairs.</summary>
    public IReadOnlyList<(string Field, string? Rule)> InvalidParameters() =>
        Body.GetProperty("invalid_parameters").EnumerateArray()
            .Select(p => (p.GetProperty("field").GetString()!, p.TryGetProperty("rule", out var rule) ? rule.GetString() : null))
            .ToList();

    public static async Task<ApiResponse> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new ApiResponse(response.StatusCode, response.Headers, response.Content.Headers.ContentType?.MediaType, body, text);
    }
}
