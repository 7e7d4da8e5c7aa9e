using System.Text.Json;
using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities.PluginSchemas;

/// <summary>
/// One field of a plugin config schema (Kong's Lua schema, encoded in C#). Validation returns the stored value:
/// the given value, else the default, else null — so responses show every field like Kong does.
/// </summary>
internal abstract record ConfigField(string Name)
{
    public bool Required { get; init; }

    public JsonNode? Validate(JsonElement? value, string path, List<CoreErrorDetail> errors)
    {
        if (value is null || value.Value.ValueKind == JsonValueKind.Null)
        {
            if (Required)
            {
                errors.Add(CoreErrorDetail.FieldError(path, "required field missing"));
            }

            return DefaultValue();
        }

        return Check(value.Value, path, errors);
    }

    protected abstract JsonNode? DefaultValue();

    protected abstract JsonNode? Check(JsonElement value, string path, List<CoreErrorDetail> errors);
}
