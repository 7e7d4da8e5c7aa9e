using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KongIdentityOperator.Chaos.Harness;

/// <summary>What a workload does with a credentials Secret: the client_credentials token request of the tutorial.</summary>
internal static class TokenRequest
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <returns>The decoded claims of the access token, or the issuer's refusal.</returns>
    public static async Task<(JsonObject? Claims, string? Error)> SendAsync(IReadOnlyDictionary<string, string> credentials, string? scope, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = credentials["client_id"],
            ["client_secret"] = credentials["client_secret"],
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var content = new FormUrlEncodedContent(form);
        using var response = await Http.PostAsync(new Uri(credentials["token_endpoint"]), content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return (null, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        var payload = body!["access_token"]!.GetValue<string>().Split('.')[1];
        var padded = payload.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (payload.Length % 4)) % 4);
        return (JsonSerializer.Deserialize<JsonObject>(Convert.FromBase64String(padded)), null);
    }
}
