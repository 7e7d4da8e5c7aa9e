using System.Text.Json;
using System.Text.Json.Nodes;

namespace KongIdentityOperator.Tests.Unit.Cel;

/// <summary>JSON as the API server hands it to CEL: objects as maps, arrays as lists, integers as int64.</summary>
internal static class CelValues
{
    public static object? From(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => From(p.Value), StringComparer.Ordinal),
        JsonArray a => a.Select(From).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when v.TryGetValue<long>(out var integer) => integer,
            JsonValueKind.Number when v.TryGetValue<int>(out var small) => (long)small,
            JsonValueKind.Number => v.GetValue<double>(),
            _ => throw new ArgumentException($"Unexpected JSON value {v.ToJsonString()}", nameof(node)),
        },
        _ => throw new ArgumentException($"Unexpected JSON node {node.GetType().Name}", nameof(node)),
    };
}
