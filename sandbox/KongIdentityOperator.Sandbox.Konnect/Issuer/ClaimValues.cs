using System.Text.Json;

namespace KongIdentityOperator.Sandbox.Konnect.Issuer;

/// <summary>
/// Turns a claim value into its token JSON: templates are rendered first, then the result type is inferred —
/// text that is valid JSON (number, boolean, object, array, null, quoted string) becomes that JSON, anything else a string.
/// </summary>
internal static class ClaimValues
{
    public static JsonElement Render(string value, TemplateContext context)
    {
        var template = ClaimTemplate.Parse(value);
        return Infer(template.IsTemplated ? template.Render(context) : value);
    }

    public static JsonElement Infer(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(text, TemplateJsonContext.Default.String);
        }
    }
}
