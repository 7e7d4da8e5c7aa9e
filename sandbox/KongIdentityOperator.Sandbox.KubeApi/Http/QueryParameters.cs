using System.Globalization;
using KongIdentityOperator.Sandbox.KubeApi.Errors;
using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Sandbox.KubeApi.Http;

/// <summary>
/// Query parameters read as apimachinery's parameter codec reads them: a boolean is false only when absent, "0" or
/// any casing of "false" (everything else, even "maybe", is true); integers go through Go's <c>strconv.ParseInt</c>
/// and a bad one is a 400 with its error text.
/// </summary>
internal static class QueryParameters
{
    public static bool Bool(IQueryCollection query, string name) => OptionalBool(query, name) ?? false;

    /// <summary>A <c>*bool</c> parameter: null when absent.</summary>
    public static bool? OptionalBool(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values) || values.Count == 0)
        {
            return null;
        }

        var text = values[0] ?? string.Empty;
        return !(text == "0" || text.Equals("false", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Go's <c>strconv.ParseBool</c>: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False; null otherwise.</summary>
    public static bool? GoParseBool(string text) => text switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => null,
    };

    /// <summary>A <c>*int64</c> parameter: null when absent, 400 when it is not a base-10 integer.</summary>
    public static long? Int64(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values) || values.Count == 0)
        {
            return null;
        }

        return ParseInt(values[0] ?? string.Empty);
    }

    /// <summary>The first value of a string parameter, or empty.</summary>
    public static string String(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] ?? string.Empty : string.Empty;

    /// <summary>
    /// The request-wide <c>timeout</c> (a Go duration such as "32s", which client-go sends); the real server's
    /// deadline filter answers 400 for one it cannot parse.
    /// </summary>
    public static TimeSpan? Timeout(IQueryCollection query)
    {
        var text = String(query, "timeout");
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            return GoDuration.Parse(text);
        }
        catch (FormatException e)
        {
            throw ApiErrors.BadRequest($"invalid timeout specified in the request URL - {e.Message}");
        }
    }

    /// <summary>Go's <c>strconv.ParseInt(text, 10, 64)</c>, with its error texts.</summary>
    public static long ParseInt(string text)
    {
        var digits = text.StartsWith('+') || text.StartsWith('-') ? text[1..] : text;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            throw ApiErrors.BadRequest($"strconv.ParseInt: parsing {Quote(text)}: invalid syntax");
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ApiErrors.BadRequest($"strconv.ParseInt: parsing {Quote(text)}: value out of range");
    }

    /// <summary>Go's <c>%q</c> for the plain strings a query carries.</summary>
    public static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
