using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KongIdentityOperator.Sandbox.KubeApi.Errors;
using KongIdentityOperator.Sandbox.KubeApi.Json;

namespace KongIdentityOperator.Sandbox.KubeApi.Schema;

/// <summary>
/// OpenAPI v3 structural-schema validation with the real server's messages: type, nullable, required, enum,
/// minimum/maximum (and exclusive), pattern, minLength/maxLength, minItems/maxItems, uniqueItems, a light
/// <c>format</c>, <c>x-kubernetes-int-or-string</c>, <c>additionalProperties</c> and list-type set/map uniqueness.
/// </summary>
internal static class SchemaValidator
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    public static IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject schema)
    {
        var errors = new List<FieldError>();
        foreach (var (key, child) in obj)
        {
            if (key is "apiVersion" or "kind" or "metadata")
            {
                continue;
            }

            if (SchemaKeywords.ChildSchema(schema, key) is { } childSchema)
            {
                Validate(child, childSchema, key, errors);
            }
        }

        RequiredFields(obj, schema, string.Empty, errors, skipRootFields: true);
        return errors;
    }

    private static void Validate(JsonNode? value, JsonObject schema, string path, List<FieldError> errors)
    {
        if (value is null)
        {
            if (!SchemaKeywords.Flag(schema, "nullable"))
            {
                errors.Add(new FieldError(FieldError.Invalid, path, $"Invalid value: \"null\": {path} in body must be of type {SchemaKeywords.Type(schema) ?? "object"}: \"null\""));
            }

            return;
        }

        if (!TypeMatches(value, schema, path, errors))
        {
            return;
        }

        Enum(value, schema, path, errors);
        switch (value)
        {
            case JsonObject obj:
                ObjectRules(obj, schema, path, errors);
                break;
            case JsonArray array:
                ArrayRules(array, schema, path, errors);
                break;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String:
                StringRules(scalar.GetValue<string>(), schema, path, errors);
                break;
            case JsonValue number when number.GetValueKind() == JsonValueKind.Number:
                NumberRules(number, schema, path, errors);
                break;
        }
    }

    private static bool TypeMatches(JsonNode value, JsonObject schema, string path, List<FieldError> errors)
    {
        var actual = SchemaKeywords.TypeName(value);
        if (SchemaKeywords.IntOrString(schema))
        {
            if (actual is "integer" or "string")
            {
                return true;
            }

            errors.Add(new FieldError(FieldError.Invalid, path, $"Invalid value: \"{actual}\": {path} in body must be of type integer,string: \"{actual}\""));
            return false;
        }

        var expected = SchemaKeywords.Type(schema);
        if (expected is null || expected == actual || (expected == "number" && actual == "integer"))
        {
            return true;
        }

        errors.Add(new FieldError(FieldError.Invalid, path, $"Invalid value: \"{actual}\": {path} in body must be of type {expected}: \"{actual}\""));
        return false;
    }

    private static void Enum(JsonNode value, JsonObject schema, string path, List<FieldError> errors)
    {
        if (schema["enum"] is not JsonArray allowed || allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            return;
        }

        var supported = string.Join(", ", allowed.Select(Render));
        errors.Add(new FieldError(FieldError.NotSupported, path, $"Unsupported value: {Render(value)}: supported values: {supported}"));
    }

    private static void ObjectRules(JsonObject obj, JsonObject schema, string path, List<FieldError> errors)
    {
        var properties = SchemaKeywords.Properties(schema);
        var additional = SchemaKeywords.AdditionalProperties(schema);
        foreach (var (key, child) in obj)
        {
            if (properties?[key] is JsonObject childSchema)
            {
                Validate(child, childSchema, FieldPath.Child(path, key), errors);
            }
            else if (additional is not null)
            {
                Validate(child, additional, FieldPath.Key(path, key), errors);
            }
        }

        RequiredFields(obj, schema, path, errors, skipRootFields: false);
        if (schema.At("maxProperties").TryGetLong(out var maxProperties) && obj.Count > maxProperties)
        {
            errors.Add(new FieldError(FieldError.TooMany, path, $"Too many: {obj.Count}: must have at most {maxProperties} items"));
        }

        if (schema.At("minProperties").TryGetLong(out var minProperties) && obj.Count < minProperties)
        {
            errors.Add(new FieldError(FieldError.Invalid, path, $"Invalid value: {obj.Count}: {path} in body should have at least {minProperties} properties"));
        }
    }

    private static void RequiredFields(JsonObject obj, JsonObject schema, string path, List<FieldError> errors, bool skipRootFields)
    {
        foreach (var required in schema["required"].StringList())
        {
            if (skipRootFields && required is "apiVersion" or "kind" or "metadata")
            {
                continue;
            }

            if (!obj.ContainsKey(required))
            {
                errors.Add(new FieldError(FieldError.Required, FieldPath.Child(path, required), "Required value"));
            }
        }
    }

    private static void ArrayRules(JsonArray array, JsonObject schema, string path, List<FieldError> errors)
    {
        if (SchemaKeywords.Items(schema) is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Validate(array[i], items, FieldPath.Index(path, i), errors);
            }
        }

        if (schema.At("maxItems").TryGetLong(out var maxItems) && array.Count > maxItems)
        {
            errors.Add(new FieldError(FieldError.TooMany, path, $"Too many: {array.Count}: must have at most {maxItems} items"));
        }

        if (schema.At("minItems").TryGetLong(out var minItems) && array.Count < minItems)
        {
            errors.Add(new FieldError(FieldError.Invalid, path, $"Invalid value: {array.Count}: {path} in body should have at least {minItems} items"));
        }

        var listType = schema.StringAt("x-kubernetes-list-type");
        if (SchemaKeywords.Flag(schema, "uniqueItems") || listType == "set")
        {
            for (var i = 1; i < array.Count; i++)
            {
                if (Enumerable.Range(0, i).Any(j => JsonNode.DeepEquals(array[j], array[i])))
                {
                    errors.Add(new FieldError(FieldError.Duplicate, FieldPath.Index(path, i), $"Duplicate value: {Render(array[i])}"));
                }
            }
        }
        else if (listType == "map" && schema["x-kubernetes-list-map-keys"].StringList() is { Count: > 0 } keys)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < array.Count; i++)
            {
                var identity = string.Join("\u0000", keys.Select(k => array[i].At(k)?.ToJsonString() ?? "null"));
                if (!seen.Add(identity))
                {
                    var rendered = string.Join(",", keys.Select(k => $"\"{k}\":{array[i].At(k)?.ToJsonString() ?? "null"}"));
                    errors.Add(new FieldError(FieldError.Duplicate, FieldPath.Index(path, i), $"Duplicate value: map[string]interface {{}}{{{rendered}}}"));
                }
            }
        }
    }

    private static void StringRules(string text, JsonObject schema, string path, List<FieldError> errors)
    {
        var length = new StringInfo(text).LengthInTextElements;
        if (schema.At("maxLength").TryGetLong(out var maxLength) && length > maxLength)
        {
            errors.Add(new FieldError(FieldError.TooLong, path, $"Too long: may not be more than {maxLength} bytes"));
        }

        if (schema.At("minLength").TryGetLong(out var minLength) && length < minLength)
        {
            errors.Add(new FieldError(FieldError.Invalid, path, $"Invalid value: \"{text}\": {path} in body should be at least {minLength} chars long"));
        }

        if (schema.StringAt("pattern") is { } pattern && !Matches(text, pattern))
        {
            errors.Add(new FieldError(FieldError.Invalid, path, $"Invalid value: \"{text}\": {path} in body should match '{pattern}'"));
        }

        if (schema.StringAt("format") is { } format && !FormatMatches(text, format))
        {
            errors.Add(new FieldError(FieldError.Invalid, path, $"Invalid value: \"{text}\": {path} in body must be of type {format}: \"{text}\""));
        }
    }

    private static void NumberRules(JsonValue number, JsonObject schema, string path, List<FieldError> errors)
    {
        var value = Number(number);
        var rendered = number.ToJsonString();
        if (schema["maximum"] is JsonValue maxNode)
        {
            var max = Number(maxNode);
            var exclusive = SchemaKeywords.Flag(schema, "exclusiveMaximum");
            if (exclusive ? value >= max : value > max)
            {
                errors.Add(new FieldError(FieldError.Invalid, path, $"Invalid value: {rendered}: {path} in body should be less than {(exclusive ? string.Empty : "or equal to ")}{maxNode.ToJsonString()}"));
            }
        }

        if (schema["minimum"] is JsonValue minNode)
        {
            var min = Number(minNode);
            var exclusive = SchemaKeywords.Flag(schema, "exclusiveMinimum");
            if (exclusive ? value <= min : value < min)
            {
                errors.Add(new FieldError(FieldError.Invalid, path, $"Invalid value: {rendered}: {path} in body should be greater than {(exclusive ? string.Empty : "or equal to ")}{minNode.ToJsonString()}"));
            }
        }

        if (schema["multipleOf"] is JsonValue multipleNode && Number(multipleNode) is var multiple and > 0 && Math.Abs(Math.IEEERemainder(value, multiple)) > 1e-9)
        {
            errors.Add(new FieldError(FieldError.Invalid, path, $"Invalid value: {rendered}: {path} in body should be a multiple of {multipleNode.ToJsonString()}"));
        }
    }

    /// <summary>A JSON number as a double, whatever CLR type the node wraps.</summary>
    internal static double Number(JsonValue value) =>
        double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : double.NaN;

    private static bool Matches(string text, string pattern)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException)
        {
            // A pattern .NET cannot compile is not held against the object (the CRD was accepted).
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    /// <summary>The formats Kubernetes checks most; unknown formats pass, as they do on the real server.</summary>
    private static bool FormatMatches(string text, string format) => format switch
    {
        "date-time" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _),
        "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
        "byte" => IsBase64(text),
        "uuid" => Guid.TryParseExact(text, "D", out _),
        "int32" or "int64" or "double" or "float" or "password" => true,
        _ => true,
    };

    private static bool IsBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out _);
    }

    /// <summary>A value as apimachinery's field errors print it: strings quoted, numbers and booleans bare.</summary>
    internal static string Render(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => $"\"{v.GetValue<string>()}\"",
        JsonValue v => v.ToJsonString(),
        JsonObject => "\"object\"",
        _ => "\"array\"",
    };
}
