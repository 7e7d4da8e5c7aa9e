using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Sandbox.Konnect.Http;

/// <summary>The Bearer tokens the API accepts (any non-empty one when none are configured). Values are never logged.</summary>
internal sealed class BearerTokens(IReadOnlyList<string> tokens)
{
    private readonly HashSet<string> _tokens = new(tokens, StringComparer.Ordinal);

    /// <summary>The caller's token, or null when the header is missing or not a Bearer token.</summary>
    public static string? Read(HttpRequest request) =>
        AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
        && header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrWhiteSpace(header.Parameter)
            ? header.Parameter
            : null;

    public bool Accepts(string token) => _tokens.Count == 0 || _tokens.Contains(token);
}
