using System.Text.Json;
using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities.PluginSchemas;

/// <summary>An array whose items follow <see cref="Item"/>; <see cref="Default"/> is JSON text (null = no default).</summary>
internal sealed record ArrayField(string Name, ConfigField Item, string? Default = null) : ConfigField(Name)
{
    protected override JsonNode? DefaultValue() => Default is null ? null : JsonNode.Parse(Default);

    protected override JsonNode? Check(JsonElement value, string path, List<CoreErrorDetail> errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(CoreErrorDetail.FieldError(path, "expected an array"));
            return null;
        }

        var result = new JsonArray();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            result.Add(Item.Validate(item, $"{path}[{index++}]", errors));
        }

        return result;
    }
}
