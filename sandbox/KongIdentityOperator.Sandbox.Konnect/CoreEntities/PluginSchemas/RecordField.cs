using System.Text.Json;
using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities.PluginSchemas;

/// <summary>
/// A nested record. An absent record is filled with its fields' defaults (as Kong does) unless
/// <see cref="NullWhenAbsent"/>; unknown fields are rejected.
/// </summary>
internal sealed record RecordField(string Name, IReadOnlyList<ConfigField> Fields) : ConfigField(Name)
{
    public bool NullWhenAbsent { get; init; }

    protected override JsonNode? DefaultValue() => NullWhenAbsent || Required ? null : Build(null, Name, []);

    protected override JsonNode? Check(JsonElement value, string path, List<CoreErrorDetail> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(CoreErrorDetail.FieldError(path, "expected a record"));
            return null;
        }

        return Build(value, path, errors);
    }

    private JsonObject Build(JsonElement? value, string path, List<CoreErrorDetail> errors)
    {
        var result = new JsonObject();
        foreach (var field in Fields)
        {
            JsonElement? given = value is { } record && record.TryGetProperty(field.Name, out var property) ? property : null;
            result[field.Name] = field.Validate(given, Join(path, field.Name), errors);
        }

        if (value is { } input)
        {
            foreach (var property in input.EnumerateObject().Where(p => Fields.All(f => f.Name != p.Name)))
            {
                errors.Add(CoreErrorDetail.FieldError(Join(path, property.Name), "unknown field"));
            }
        }

        return result;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
