using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace KongIdentityOperator.Sandbox.Konnect.Http;

/// <summary>
/// Reads a JSON object body field by field, collecting every schema violation (Konnect reports them all at once)
/// and, at the end, every property nobody asked for (rule <c>unknown_property</c>).
/// </summary>
internal sealed class JsonBodyReader
{
    private readonly JsonElement _root;
    private readonly string _prefix;
    private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
    private readonly List<InvalidParameter> _errors;

    public JsonBodyReader(JsonElement root, string prefix = "", List<InvalidParameter>? errors = null)
    {
        _root = root;
        _prefix = prefix;
        _errors = errors ?? [];
    }

    public JsonElement Root => _root;

    /// <summary>Parses the request body; a missing, malformed or non-object body is a 400.</summary>
    public static async Task<JsonBodyReader> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw ProblemException.BadRequest("Invalid request format", [new InvalidParameter("body", "is_object", "must be a JSON object")]);
            }

            return new JsonBodyReader(document.RootElement.Clone());
        }
        catch (JsonException)
        {
            throw ProblemException.BadRequest("Invalid request format", [new InvalidParameter("body", "invalid", "request format is invalid")]);
        }
    }

    /// <summary>Whether the property is present (even as null). Declares it as known.</summary>
    public bool Has(string name)
    {
        _declared.Add(name);
        return _root.TryGetProperty(name, out _);
    }

    /// <summary>Whether the property is present with a JSON null.</summary>
    public bool IsNull(string name) => _root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Null;

    /// <summary>Declares properties that are accepted and ignored.</summary>
    public void Ignore(params string[] names)
    {
        foreach (var name in names)
        {
            _declared.Add(name);
        }
    }

    public void Fail(InvalidParameter violation) => _errors.Add(violation);

    public string Field(string name) => _prefix + name;

    public string? String(string name, bool required = false, int minLength = 0, int maxLength = int.MaxValue, bool nullable = false)
    {
        if (!TryGet(name, required, nullable, out var value))
        {
            return null;
        }

        return ReadString(value, Field(name), minLength, maxLength);
    }

    public bool? Boolean(string name, bool nullable = false)
    {
        if (!TryGet(name, required: false, nullable, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        _errors.Add(new InvalidParameter(Field(name), "is_boolean", "must be a boolean"));
        return null;
    }

    public int? Integer(string name, int minimum = int.MinValue, int maximum = int.MaxValue, bool required = false, bool nullable = false)
    {
        if (!TryGet(name, required, nullable, out var value))
        {
            return null;
        }

        return ReadInteger(value, Field(name), minimum, maximum);
    }

    public string? Enum(string name, IReadOnlyList<string> choices, bool required = false, bool nullable = false)
    {
        var text = String(name, required, nullable: nullable);
        if (text is null)
        {
            return null;
        }

        if (choices.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }

        _errors.Add(InvalidParameter.Enum(Field(name), choices));
        return null;
    }

    public ImmutableArray<string>? EnumArray(string name, IReadOnlyList<string> choices, bool required = false, bool unique = true) =>
        Array(name, required, unique, int.MaxValue, (item, field) =>
        {
            var text = ReadString(item, field, 0, int.MaxValue);
            if (text is not null && !choices.Contains(text, StringComparer.Ordinal))
            {
                _errors.Add(InvalidParameter.Enum(field, choices));
                return null;
            }

            return text;
        });

    public ImmutableArray<string>? StringArray(string name, bool required = false, bool unique = false, int maxItems = int.MaxValue, bool nullable = false) =>
        Array(name, required, unique, maxItems, (item, field) => ReadString(item, field, 0, int.MaxValue), nullable);

    public ImmutableArray<Guid>? UuidArray(string name, bool required = false, bool unique = false)
    {
        var texts = Array(name, required, unique, int.MaxValue, (item, field) =>
        {
            var text = ReadString(item, field, 0, int.MaxValue);
            if (text is not null && !Guid.TryParseExact(text, "D", out _))
            {
                _errors.Add(InvalidParameter.Uuid(field));
                return null;
            }

            return text;
        });
        return texts?.Select(Guid.Parse).ToImmutableArray();
    }

    public ImmutableArray<string>? UriArray(string name, bool unique = false, int maxItems = int.MaxValue, bool httpsOnly = false) =>
        Array(name, required: false, unique, maxItems, (item, field) => ReadUri(item, field, httpsOnly));

    public string? Uri(string name, bool nullable = false, bool httpsOnly = false)
    {
        if (!TryGet(name, required: false, nullable, out var value))
        {
            return null;
        }

        return ReadUri(value, Field(name), httpsOnly);
    }

    /// <summary>A JSON object property, or null when absent/null (a non-object is reported).</summary>
    public JsonElement? Object(string name, bool required = false, bool nullable = true)
    {
        if (!TryGet(name, required, nullable, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            return value;
        }

        _errors.Add(new InvalidParameter(Field(name), "is_object", "must be an object"));
        return null;
    }

    /// <summary>Konnect labels: at most 50; keys 1-63 chars not starting with a reserved prefix; values match the label pattern.</summary>
    public ImmutableDictionary<string, string>? Labels(string name)
    {
        var patch = ReadLabels(name, allowNullValues: false);
        return patch?.Set;
    }

    /// <summary>PATCH labels: a null map clears all labels, a null value removes that key.</summary>
    public LabelsPatch? LabelsPatch(string name) => ReadLabels(name, allowNullValues: true);

    /// <summary>Every violation found so far plus one per unknown property.</summary>
    public IReadOnlyList<InvalidParameter> Finish()
    {
        foreach (var property in _root.EnumerateObject())
        {
            if (!_declared.Contains(property.Name))
            {
                _errors.Add(InvalidParameter.UnknownProperty(Field(property.Name)));
            }
        }

        return _errors;
    }

    /// <summary>Throws a Konnect 400 problem when anything is wrong with the body.</summary>
    public void ThrowIfInvalid()
    {
        var errors = Finish();
        if (errors.Count > 0)
        {
            throw ProblemException.BadRequest("Request has invalid parameters", errors);
        }
    }

    private LabelsPatch? ReadLabels(string name, bool allowNullValues)
    {
        if (!TryGet(name, required: false, nullable: allowNullValues, out var value))
        {
            return allowNullValues && IsNull(name) ? new LabelsPatch(true, ImmutableDictionary<string, string>.Empty, []) : null;
        }

        var field = Field(name);
        if (value.ValueKind != JsonValueKind.Object)
        {
            _errors.Add(new InvalidParameter(field, "is_object", "must be an object"));
            return null;
        }

        var set = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var remove = new List<string>();
        var count = 0;
        foreach (var label in value.EnumerateObject())
        {
            count++;
            var labelField = $"{field}.{label.Name}";
            if (!LabelRules.IsValidKey(label.Name))
            {
                _errors.Add(new InvalidParameter(labelField, "is_label", LabelRules.KeyReason));
                continue;
            }

            if (label.Value.ValueKind == JsonValueKind.Null && allowNullValues)
            {
                remove.Add(label.Name);
                continue;
            }

            if (label.Value.ValueKind != JsonValueKind.String || !LabelRules.IsValidValue(label.Value.GetString()!))
            {
                _errors.Add(new InvalidParameter(labelField, "is_label", LabelRules.ValueReason));
                continue;
            }

            set[label.Name] = label.Value.GetString()!;
        }

        if (count > LabelRules.MaxLabels)
        {
            _errors.Add(InvalidParameter.MaxItems(field, LabelRules.MaxLabels));
        }

        return new LabelsPatch(false, set.ToImmutable(), remove);
    }

    private ImmutableArray<T>? Array<T>(string name, bool required, bool unique, int maxItems, Func<JsonElement, string, T?> readItem, bool nullable = false)
    {
        if (!TryGet(name, required, nullable, out var value))
        {
            return null;
        }

        var field = Field(name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            _errors.Add(new InvalidParameter(field, "is_array", "must be an array"));
            return null;
        }

        var errorsBefore = _errors.Count;
        var items = ImmutableArray.CreateBuilder<T>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var read = readItem(item, $"{field}[{index++}]");
            if (read is not null)
            {
                items.Add(read);
            }
        }

        if (items.Count > maxItems)
        {
            _errors.Add(InvalidParameter.MaxItems(field, maxItems));
        }

        if (unique && items.Distinct().Count() != items.Count)
        {
            _errors.Add(new InvalidParameter(field, "invalid", "must contain unique items"));
        }

        return _errors.Count == errorsBefore ? items.ToImmutable() : null;
    }

    private bool TryGet(string name, bool required, bool nullable, out JsonElement value)
    {
        _declared.Add(name);
        if (!_root.TryGetProperty(name, out value))
        {
            if (required)
            {
                _errors.Add(InvalidParameter.Required(Field(name)));
            }

            return false;
        }

        if (value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            _errors.Add(InvalidParameter.Required(Field(name)));
        }
        else if (!nullable)
        {
            _errors.Add(new InvalidParameter(Field(name), "is_null", "must not be null"));
        }

        return false;
    }

    private string? ReadString(JsonElement value, string field, int minLength, int maxLength)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            _errors.Add(new InvalidParameter(field, "is_string", "must be a string"));
            return null;
        }

        var text = value.GetString()!;
        if (text.Length < minLength)
        {
            _errors.Add(InvalidParameter.MinLength(field, minLength));
            return null;
        }

        if (text.Length > maxLength)
        {
            _errors.Add(InvalidParameter.MaxLength(field, maxLength));
            return null;
        }

        return text;
    }

    private int? ReadInteger(JsonElement value, string field, int minimum, int maximum)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            _errors.Add(new InvalidParameter(field, "is_integer", "must be an integer"));
            return null;
        }

        if (number < minimum)
        {
            _errors.Add(InvalidParameter.Min(field, minimum));
            return null;
        }

        if (number > maximum)
        {
            _errors.Add(InvalidParameter.Max(field, maximum));
            return null;
        }

        return (int)number;
    }

    private string? ReadUri(JsonElement value, string field, bool httpsOnly)
    {
        var text = ReadString(value, field, 1, int.MaxValue);
        if (text is null)
        {
            return null;
        }

        if (!System.Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && (httpsOnly || uri.Scheme != "http")))
        {
            _errors.Add(new InvalidParameter(field, "invalid", httpsOnly ? "must be an absolute https URI" : "must be an absolute URI"));
            return null;
        }

        return text;
    }
}
