using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KongIdentityOperator.Tests.Live;

/// <summary>
/// Konnect's public API as the suite uses it: to look at what the operator made, to change things behind its back
/// (drift), and to clean up. Errors name the method, path and status, never the token.
/// </summary>
public sealed class LiveKonnect(Uri serverUrl, string token) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false })
    {
        BaseAddress = new Uri(LiveSettings.WithoutUserInfo(serverUrl).TrimEnd('/') + "/"),
        Timeout = TimeSpan.FromSeconds(30),
    };

    public async Task<JsonObject?> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(HttpMethod.Get, path, null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureAsync(response, HttpMethod.Get, path, cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
    }

    public async Task<JsonObject> SendAsync(HttpMethod method, string path, object body, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, body, cancellationToken);
        await EnsureAsync(response, method, path, cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) ?? [];
    }

    /// <summary>Deletes; a 404 counts as done.</summary>
    public async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(HttpMethod.Delete, path, null, cancellationToken);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            await EnsureAsync(response, HttpMethod.Delete, path, cancellationToken);
        }
    }

    /// <summary>Every item of a page-numbered Konnect list.</summary>
    public async Task<IReadOnlyList<JsonObject>> ListAsync(string path, CancellationToken cancellationToken)
    {
        var items = new List<JsonObject>();
        for (var page = 1; ; page++)
        {
            var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var body = await GetAsync($"{path}{separator}page[size]=100&page[number]={page}", cancellationToken);
            var data = body?["data"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
            items.AddRange(data);
            var total = body?["meta"]?["page"]?["total"]?.GetValue<int>();
            if (data.Count == 0 || (total is { } t && items.Count >= t) || total is null)
            {
                return items;
            }
        }
    }

    public static IDictionary<string, string> Labels(JsonObject item) =>
        item["labels"] is JsonObject labels
            ? labels.Where(l => l.Value is not null).ToDictionary(l => l.Key, l => l.Value!.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    public static string Name(JsonObject item) => item["name"]?.GetValue<string>() ?? string.Empty;

    public static string Id(JsonObject item) => item["id"]!.GetValue<string>();

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await _http.SendAsync(request, cancellationToken);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, HttpMethod method, string path, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"Konnect {method} /{path.TrimStart('/')} answered {(int)response.StatusCode}: {text[..Math.Min(text.Length, 500)]}", null, response.StatusCode);
        }
    }
}
