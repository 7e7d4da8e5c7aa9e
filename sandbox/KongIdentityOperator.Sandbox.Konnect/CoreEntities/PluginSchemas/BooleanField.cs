using System.Text.Json;
using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities.PluginSchemas;

/// <summary>A boolean.</summary>
internal sealed record BooleanField(string Name, bool? Default = null) : ConfigField(Name)
{
    protected override JsonNode? DefaultValue() => Default is null ? null : JsonValue.Create(Default.Value);

    protected override JsonNode? Check(JsonElement value, string path, List<CoreErrorDetail> errors)
    {
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return JsonValue.Create(value.GetBoolean());
        }

        errors.Add(CoreErrorDetail.FieldError(path, "expected a boolean"));
        return null;
    }
}
