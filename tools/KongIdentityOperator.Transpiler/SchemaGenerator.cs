using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using k8s.Models;
using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Transpiler;

/// <summary>
/// Builds a structural OpenAPI v3 schema from a C# type by reflection, following KubeOps' mapping rules:
/// camelCase names unless <see cref="JsonPropertyNameAttribute"/>, enums as strings, dictionaries as maps,
/// enumerables as arrays, and the schema attributes of <c>KongIdentityOperator.Runtime.Entities.Attributes</c>.
/// </summary>
internal sealed class SchemaGenerator
{
    private readonly Stack<Type> _path = new();

    public V1JSONSchemaProps ForType(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return ForType(underlying);
        }

        if (type == typeof(string))
        {
            return new V1JSONSchemaProps { Type = "string" };
        }

        if (type == typeof(bool))
        {
            return new V1JSONSchemaProps { Type = "boolean" };
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return new V1JSONSchemaProps { Type = "integer", Format = type == typeof(int) ? "int32" : "int64" };
        }

        if (type == typeof(double) || type == typeof(float))
        {
            return new V1JSONSchemaProps { Type = "number", Format = type == typeof(float) ? "float" : "double" };
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return new V1JSONSchemaProps { Type = "string", Format = "date-time" };
        }

        if (type.IsEnum)
        {
            return new V1JSONSchemaProps { Type = "string", EnumProperty = EnumNames(type).Cast<object>().ToList() };
        }

        if (type == typeof(V1Condition))
        {
            return ConditionSchema.Create();
        }

        if (type == typeof(JsonElement) || type == typeof(object))
        {
            return new V1JSONSchemaProps { Type = "object", XKubernetesPreserveUnknownFields = true };
        }

        if (DictionaryValueType(type) is { } valueType)
        {
            return new V1JSONSchemaProps { Type = "object", AdditionalProperties = ForType(valueType) };
        }

        if (EnumerableItemType(type) is { } itemType)
        {
            return new V1JSONSchemaProps { Type = "array", Items = ForType(itemType) };
        }

        return ForObject(type);
    }

    internal static IReadOnlyList<string> EnumNames(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name)
            .ToList();

    internal static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private V1JSONSchemaProps ForObject(Type type)
    {
        if (_path.Contains(type))
        {
            throw new InvalidOperationException($"The type {type.Name} refers to itself; CRD schemas cannot be recursive.");
        }

        _path.Push(type);
        try
        {
            var schema = new V1JSONSchemaProps
            {
                Type = "object",
                Description = type.GetCustomAttribute<DescriptionAttribute>()?.Description,
                Properties = new Dictionary<string, V1JSONSchemaProps>(StringComparer.Ordinal),
            };
            var required = new List<string>();
            // Sorted by JSON name, like controller-gen, so generated files stay stable when code moves.
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                         .Where(p => p.CanRead && p.GetCustomAttribute<IgnoreAttribute>() is null && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
                         .OrderBy(JsonName, StringComparer.Ordinal))
            {
                var name = JsonName(property);
                schema.Properties[name] = ForProperty(property);
                if (property.GetCustomAttribute<RequiredAttribute>() is not null)
                {
                    required.Add(name);
                }
            }

            schema.Required = required.Count > 0 ? required : null;
            schema.XKubernetesValidations = Rules(type.GetCustomAttributes<ValidationRuleAttribute>());
            return schema;
        }
        finally
        {
            _path.Pop();
        }
    }

    private V1JSONSchemaProps ForProperty(PropertyInfo property)
    {
        var schema = ForType(property.PropertyType);
        schema.Description = property.GetCustomAttribute<DescriptionAttribute>()?.Description ?? schema.Description;
        if (property.GetCustomAttribute<PatternAttribute>() is { } pattern)
        {
            schema.Pattern = pattern.Pattern;
        }

        if (property.GetCustomAttribute<FormatAttribute>() is { } format)
        {
            schema.Format = format.Format;
        }

        if (property.GetCustomAttribute<LengthAttribute>() is { } length)
        {
            schema.MinLength = length.MinLength >= 0 ? length.MinLength : null;
            schema.MaxLength = length.MaxLength >= 0 ? length.MaxLength : null;
        }

        if (property.GetCustomAttribute<ItemsAttribute>() is { } items)
        {
            schema.MinItems = items.MinItems >= 0 ? items.MinItems : null;
            schema.MaxItems = items.MaxItems >= 0 ? items.MaxItems : null;
        }

        if (property.GetCustomAttribute<PropertyLimitsAttribute>() is { } limits)
        {
            schema.MinProperties = limits.MinProperties >= 0 ? limits.MinProperties : null;
            schema.MaxProperties = limits.MaxProperties >= 0 ? limits.MaxProperties : null;
        }

        if (property.GetCustomAttribute<RangeMinimumAttribute>() is { } minimum)
        {
            schema.Minimum = minimum.Minimum;
            schema.ExclusiveMinimum = minimum.Exclusive ? true : null;
        }

        if (property.GetCustomAttribute<RangeMaximumAttribute>() is { } maximum)
        {
            schema.Maximum = maximum.Maximum;
            schema.ExclusiveMaximum = maximum.Exclusive ? true : null;
        }

        if (property.GetCustomAttribute<DefaultValueAttribute>() is { } defaultValue)
        {
            schema.DefaultProperty = JsonDefault.Parse(defaultValue.Json);
        }

        if (property.GetCustomAttribute<PreserveUnknownFieldsAttribute>() is not null)
        {
            schema.XKubernetesPreserveUnknownFields = true;
        }

        if (property.GetCustomAttribute<ListTypeAttribute>() is { } listType)
        {
            schema.XKubernetesListType = listType.ListType;
            schema.XKubernetesListMapKeys = listType.MapKeys.Count > 0 ? listType.MapKeys.ToList() : null;
        }

        var rules = Rules(property.GetCustomAttributes<ValidationRuleAttribute>());
        if (rules is not null)
        {
            schema.XKubernetesValidations = [.. schema.XKubernetesValidations ?? [], .. rules];
        }

        return schema;
    }

    private static List<V1ValidationRule>? Rules(IEnumerable<ValidationRuleAttribute> attributes)
    {
        var rules = attributes
            .Select(a => new V1ValidationRule { Rule = a.Rule, FieldPath = a.FieldPath, Message = a.Message, Reason = a.Reason })
            .ToList();
        return rules.Count > 0 ? rules : null;
    }

    private static Type? DictionaryValueType(Type type)
    {
        var dictionary = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        return dictionary?.GetGenericArguments()[1];
    }

    private static Type? EnumerableItemType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (!typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }
}
