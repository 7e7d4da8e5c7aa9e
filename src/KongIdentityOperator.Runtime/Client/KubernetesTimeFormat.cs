using System.Globalization;
using System.Text.Json;

namespace KongIdentityOperator.Runtime.Client;

/// <summary>
/// Kubernetes' two timestamp forms: <c>Time</c> (RFC 3339, <c>2026-01-02T03:04:05Z</c>) and <c>MicroTime</c> (RFC 3339
/// with exactly six fractional digits, which the API server requires when it decodes one). Always written in UTC.
/// </summary>
internal static class KubernetesTimeFormat
{
    private const string Seconds = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'";
    private const string Micro = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'";

    // Up to seven fractional digits (what DateTime holds) and either Z or a numeric offset.
    private static readonly string[] ReadFormats = ["yyyy'-'MM'-'dd'T'HH':'mm':'ssK", "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFK"];

    /// <summary>A <c>Time</c> value as KubernetesClient writes it: whole seconds without a fraction, else six digits.</summary>
    public static string FormatTime(DateTime value)
    {
        var utc = ToUtc(value);
        return utc.Ticks % TimeSpan.TicksPerSecond == 0
            ? utc.ToString(Seconds, CultureInfo.InvariantCulture)
            : utc.ToString(Micro, CultureInfo.InvariantCulture);
    }

    /// <summary>A <c>MicroTime</c> value: always six fractional digits, zeros included.</summary>
    public static string FormatMicroTime(DateTime value) => ToUtc(value).ToString(Micro, CultureInfo.InvariantCulture);

    /// <summary>Reads either form (and RFC 3339 with an offset or up to nine fractional digits) as a UTC time.</summary>
    public static DateTime Parse(string? text)
    {
        if (text is null)
        {
            throw new JsonException("A timestamp is not a string.");
        }

        // Nanosecond precision (nine digits) is more than DateTime holds: the digits after the seventh are dropped.
        var candidate = text;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end - dot - 1 > 7)
            {
                candidate = string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
            }
        }

        return DateTimeOffset.TryParseExact(candidate, ReadFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed.UtcDateTime
            : throw new JsonException("A timestamp is not in RFC 3339 form.");
    }

    // The operator's own values are UTC; an unspecified kind (never produced by reading) is taken as UTC too, so
    // the text does not depend on the machine's time zone.
    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };
}
