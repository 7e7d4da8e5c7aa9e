using System.Text.Json;
using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.KubeApi.Schema;

/// <summary>Converts JSON to the values the <c>Cel</c> package evaluates: dictionaries, lists, long, double, string, bool.</summary>
internal static class CelValues
{
    public static object? From(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => From(p.Value), StringComparer.Ordinal),
        JsonArray array => array.Select(From).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when SchemaKeywords.IsInteger(value) && long.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var integer) => integer,
            JsonValueKind.Number => SchemaValidator.Number(value),
            _ => null,
        },
        _ => null,
    };
}
