using System.Text.Json;

namespace KongIdentityOperator.Konnect.Errors;

/// <summary>Finds secret values in a JSON request body, so they can be masked if the server echoes them.</summary>
internal static class SecretFields
{
    /// <summary>Returns the string values of properties whose names look secret (client_secret, secret, password, token, …).</summary>
    public static IReadOnlyList<string> Collect(ReadOnlySpan<byte> json)
    {
        var found = new List<string>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || !IsSecretName(reader.GetString()))
                {
                    continue;
                }

                if (reader.Read() && reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } value)
                {
                    found.Add(value);
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: nothing to find, the bodies this client sends are always JSON.
        }

        return found;
    }

    // Names like token_endpoint or access_token_duration hold no secret, so only exact token names count.
    private static readonly HashSet<string> ExactNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "token", "access_token", "refresh_token", "id_token", "api_key", "apikey", "authorization",
    };

    internal static bool IsSecretName(string? name) =>
        name is not null
        && (name.Contains("secret", StringComparison.OrdinalIgnoreCase)
            || name.Contains("password", StringComparison.OrdinalIgnoreCase)
            || ExactNames.Contains(name));
}
