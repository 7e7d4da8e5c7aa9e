using System.Net;
using System.Text;
using System.Text.Json;

namespace KongIdentityOperator.Konnect.Errors;

/// <summary>Turns a non-2xx answer into a <see cref="KonnectApiException"/>, whatever its body shape.</summary>
internal static class KonnectErrorParser
{
    // Enough of an HTML or text error page to say what it was, not a whole page in a message.
    private const int MaxRawDetailLength = 200;

    public static KonnectApiException Parse(
        HttpStatusCode status,
        string? reasonPhrase,
        ReadOnlySpan<byte> body,
        string method,
        string route,
        TimeSpan? retryAfter,
        TextScrubber scrubber,
        DateTimeOffset? now = null)
    {
        var retryAt = retryAfter is { } wait && now is { } at ? at + wait : (DateTimeOffset?)null;
        var root = TryParseObject(body);
        if (root is not { } json)
        {
            var raw = body.IsEmpty ? null : Encoding.UTF8.GetString(body[..Math.Min(body.Length, MaxRawDetailLength * 4)]);
            return new KonnectApiException(status, method, route)
            {
                Title = scrubber.Clean(reasonPhrase),
                Detail = Truncate(scrubber.Clean(raw)),
                TraceId = TextScrubber.FindTraceId(raw),
                RetryAfter = retryAfter,
                RetryAt = retryAt,
            };
        }

        var title = String(json, "title");
        var detail = String(json, "detail") ?? String(json, "message");
        var instance = String(json, "instance");
        return new KonnectApiException(status, method, route)
        {
            Title = scrubber.Clean(title) ?? scrubber.Clean(reasonPhrase),
            Detail = scrubber.Clean(detail),
            ProblemType = String(json, "type"),
            TraceId = TextScrubber.FindTraceId(instance) ?? TextScrubber.FindTraceId(detail),
            InvalidParameters = InvalidParameters(json, scrubber),
            Code = Integer(json, "code"),
            Details = Details(json, scrubber),
            RetryAfter = retryAfter,
            RetryAt = retryAt,
        };
    }

    private static JsonElement? TryParseObject(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<KonnectInvalidParameter> InvalidParameters(JsonElement json, TextScrubber scrubber)
    {
        var result = new List<KonnectInvalidParameter>();
        if (!json.TryGetProperty("invalid_parameters", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var item in items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
        {
            result.Add(new KonnectInvalidParameter(
                String(item, "field") ?? "",
                scrubber.Clean(String(item, "reason")) ?? "",
                String(item, "rule"),
                String(item, "source"))
            {
                Minimum = Long(item, "minimum"),
                Maximum = Long(item, "maximum"),
                Choices = Strings(item, "choices"),
                Dependents = Strings(item, "dependents"),
            });
        }

        return result;
    }

    private static List<KonnectErrorDetail> Details(JsonElement json, TextScrubber scrubber)
    {
        var result = new List<KonnectErrorDetail>();
        if (!json.TryGetProperty("details", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var item in items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
        {
            var messages = Strings(item, "messages").Select(scrubber.Clean).OfType<string>().ToList();
            result.Add(new KonnectErrorDetail(String(item, "type"), String(item, "field"), messages));
        }

        return result;
    }

    private static string? String(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Integer(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : null;

    private static long? Long(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : null;

    // Choices and dependents may be of any JSON type; keep strings as they are and other values as JSON text.
    private static List<string> Strings(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.GetRawText())]
            : [];

    private static string? Truncate(string? text) =>
        text is null || text.Length <= MaxRawDetailLength ? text : string.Concat(text.AsSpan(0, MaxRawDetailLength - 1), "…");
}
