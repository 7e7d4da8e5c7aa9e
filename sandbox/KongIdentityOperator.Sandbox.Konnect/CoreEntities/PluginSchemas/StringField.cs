using System.Text.Json;
using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.Konnect.CoreEntities.PluginSchemas;

/// <summary>A string, optionally restricted to choices or to an absolute http(s) URL.</summary>
internal sealed record StringField(string Name, string? Default = null, IReadOnlyList<string>? OneOf = null, bool Url = false) : ConfigField(Name)
{
    protected override JsonNode? DefaultValue() => Default is null ? null : JsonValue.Create(Default);

    protected override JsonNode? Check(JsonElement value, string path, List<CoreErrorDetail> errors)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(CoreErrorDetail.FieldError(path, "expected a string"));
            return null;
        }

        var text = value.GetString()!;
        if (OneOf is not null && !OneOf.Contains(text, StringComparer.Ordinal))
        {
            errors.Add(CoreErrorDetail.FieldError(path, $"expected one of: {string.Join(", ", OneOf)}"));
        }
        else if (Url && !(Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            errors.Add(CoreErrorDetail.FieldError(path, "missing host in url"));
        }

        return JsonValue.Create(text);
    }
}
