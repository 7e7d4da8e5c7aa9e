using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KongIdentityOperator.Tests.Integration.Harness;

/// <summary>What a workload does with the credentials Secret: the tutorial's client_credentials token request.</summary>
public static class TokenClient
{
    private static readonly HttpClient Http = new();

    /// <returns>The decoded claims of the access token, or null with the error body when the issuer refused.</returns>
    public static async Task<(JsonObject? Claims, string? Error)> RequestAsync(IReadOnlyDictionary<string, string> credentials, string? scope = null)
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

        using var response = await Http.PostAsync(new Uri(credentials["token_endpoint"]), new FormUrlEncodedContent(form));
        if (!response.IsSuccessStatusCode)
        {
            return (null, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var payload = body!["access_token"]!.GetValue<string>().Split('.')[1];
        var padded = payload.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (payload.Length % 4)) % 4);
        return (JsonSerializer.Deserialize<JsonObject>(Convert.FromBase64String(padded)), null);
    }
}
