using System.Text.RegularExpressions;

namespace KongIdentityOperator.Konnect.Errors;

/// <summary>
/// Cleans server texts before they reach an exception: masks secret values (the token, secrets sent in the
/// request) and removes <c>kong:trace:…</c> ids, which change on every call and would make messages unstable.
/// </summary>
internal sealed partial class TextScrubber
{
    // Shorter values would mask ordinary words by accident; real tokens and secrets are far longer.
    private const int MinSecretLength = 4;
    private const string Mask = "***";

    private readonly string[] _secrets;

    public TextScrubber(IEnumerable<string> secrets)
    {
        // Longest first, so a secret that contains another is masked whole.
        _secrets = [.. secrets.Where(s => s.Length >= MinSecretLength).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
    }

    /// <summary>Masks secrets and strips trace ids; <see langword="null"/> and blank stay <see langword="null"/>.</summary>
    public string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        text = TraceId().Replace(text, " ");
        text = Spaces().Replace(text, " ").Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>The first <c>kong:trace:…</c> id in <paramref name="text"/>, if any.</summary>
    public static string? FindTraceId(string? text) =>
        text is null ? null : TraceIdOnly().Match(text) is { Success: true } match ? match.Value : null;

    [GeneratedRegex(@"\s*[(\[]?\s*(?:trace(?:\s*id)?\s*[:=]?\s*)?kong:trace:[A-Za-z0-9._-]+\s*[)\]]?", RegexOptions.IgnoreCase)]
    private static partial Regex TraceId();

    [GeneratedRegex(@"kong:trace:[A-Za-z0-9._-]+")]
    private static partial Regex TraceIdOnly();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
