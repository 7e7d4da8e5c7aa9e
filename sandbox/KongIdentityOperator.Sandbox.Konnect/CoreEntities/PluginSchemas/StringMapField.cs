using System.Text.Json;
using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities.PluginSchemas;

/// <summary>A map of string to string (e.g. extra token headers); absent means null.</summary>
internal sealed record StringMapField(string Name) : ConfigField(Name)
{
    protected override JsonNode? DefaultValue() => null;

    protected override JsonNode? Check(JsonElement value, string path, List<CoreErrorDetail> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(CoreErrorDetail.FieldError(path, "expected a map"));
            return null;
        }

        var result = new JsonObject();
        foreach (var entry in value.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String)
            {
                errors.Add(CoreErrorDetail.FieldError($"{path}.{entry.Name}", "expected a string"));
                continue;
            }

            result[entry.Name] = entry.Value.GetString();
        }

        return result;
    }
}
