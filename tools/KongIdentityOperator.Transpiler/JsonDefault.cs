using System.Text.Json;

namespace KongIdentityOperator.Transpiler;

/// <summary>
/// Turns a default written as JSON into plain values (string, long, double, bool, lists, maps),
/// which the YAML serializer writes as YAML rather than as a JsonElement's internals.
/// </summary>
internal static class JsonDefault
{
    public static object? Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ToPlain(document.RootElement);
    }

    private static object? ToPlain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number when element.TryGetInt64(out var integer) => integer,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => element.EnumerateArray().Select(ToPlain).ToList(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ToPlain(p.Value), StringComparer.Ordinal),
        _ => null,
    };
}
