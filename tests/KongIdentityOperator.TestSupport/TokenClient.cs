using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KongIdentityOperator.TestSupport;

/// <summary>What a workload does with a credentials Secret: the tutorial's client_credentials token request.</summary>
public static class TokenClient
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <returns>The decoded claims of the access token, or null with the issuer's refusal (status and body).</returns>
    public static async Task<(JsonObject? Claims, string? Error)> RequestAsync(
        IReadOnlyDictionary<string, string> credentials, string? scope = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
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
        return (Claims(body!["access_token"]!.GetValue<string>()), null);
    }

    /// <summary>The payload of a JWT, decoded without checking its signature (the issuer is the test's own).</summary>
    public static JsonObject? Claims(string jwt)
    {
        ArgumentNullException.ThrowIfNull(jwt);
        var payload = jwt.Split('.')[1];
        var padded = payload.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (payload.Length % 4)) % 4);
        return JsonSerializer.Deserialize<JsonObject>(Convert.FromBase64String(padded));
    }
}
