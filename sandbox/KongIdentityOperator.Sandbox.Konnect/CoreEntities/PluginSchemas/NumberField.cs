using System.Text.Json;
using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities.PluginSchemas;

/// <summary>A number, optionally greater than a bound or one of fixed choices.</summary>
internal sealed record NumberField(string Name, double? Default = null, double? GreaterThan = null, IReadOnlyList<double>? OneOf = null) : ConfigField(Name)
{
    protected override JsonNode? DefaultValue() => Default is null ? null : JsonValue.Create(Default.Value);

    protected override JsonNode? Check(JsonElement value, string path, List<CoreErrorDetail> errors)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            errors.Add(CoreErrorDetail.FieldError(path, "expected a number"));
            return null;
        }

        var number = value.GetDouble();
        if (GreaterThan is { } bound && number <= bound)
        {
            errors.Add(CoreErrorDetail.FieldError(path, $"value must be greater than {bound}"));
        }

        if (OneOf is not null && !OneOf.Contains(number))
        {
            errors.Add(CoreErrorDetail.FieldError(path, $"expected one of: {string.Join(", ", OneOf)}"));
        }

        return JsonValue.Create(number);
    }
}
