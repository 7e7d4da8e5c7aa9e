using System.Text.Json;
using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities.PluginSchemas;

/// <summary>An integer within <see cref="Minimum"/>..<see cref="Maximum"/>.</summary>
internal sealed record IntegerField(string Name, long? Default = null, long Minimum = long.MinValue, long Maximum = long.MaxValue) : ConfigField(Name)
{
    protected override JsonNode? DefaultValue() => Default is null ? null : JsonValue.Create(Default.Value);

    protected override JsonNode? Check(JsonElement value, string path, List<CoreErrorDetail> errors)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            errors.Add(CoreErrorDetail.FieldError(path, "expected an integer"));
            return null;
        }

        if (number < Minimum || number > Maximum)
        {
            errors.Add(CoreErrorDetail.FieldError(path, $"value should be between {Minimum} and {Maximum}"));
        }

        return JsonValue.Create(number);
    }
}
