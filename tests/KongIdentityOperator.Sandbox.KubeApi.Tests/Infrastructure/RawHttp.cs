using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.KubeApi.Tests.Infrastructure;

/// <summary>Requests exactly as another client writes them (query spelling, user agent), outside KubernetesClient.</summary>
public static class RawHttp
{
    public static async Task<(HttpStatusCode Code, JsonNode? Body)> SendAsync(
        HttpClient http, HttpMethod method, string path, string? body = null, string contentType = "application/json", string? userAgent = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (userAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await http.SendAsync(request, ApiFixture.Ct);
        var text = await response.Content.ReadAsStringAsync(ApiFixture.Ct);
        return (response.StatusCode, text.Length == 0 || text[0] is not ('{' or '[') ? null : JsonNode.Parse(text));
    }

    /// <summary>Opens a GET and returns the status and the first line of the body (a watch's first event).</summary>
    public static async Task<(HttpStatusCode Code, JsonNode? FirstLine)> FirstLineAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ApiFixture.Ct);
        await using var stream = await response.Content.ReadAsStreamAsync(ApiFixture.Ct);
        using var reader = new StreamReader(stream);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ApiFixture.Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var line = await reader.ReadLineAsync(timeout.Token);
        return (response.StatusCode, line is null ? null : JsonNode.Parse(line));
    }
}
