using System.Collections;
using k8s.Models;

namespace KongIdentityOperator.Tests.Unit.Crds;

/// <summary>
/// The API server refuses a CRD whose schema is not structural (apiextensions "Specifying a structural schema"), and
/// refuses or ignores defaults that the schema itself would reject. These are the rules it checks.
/// </summary>
public sealed class CrdStructureTests
{
    private static readonly string[] MapKeyTypes = ["string", "integer"];
    private static readonly string[] ScalarTypes = ["string", "integer", "number", "boolean"];

    public static TheoryData<string> Kinds() => [.. GeneratedCrds.Kinds];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_schema_has_a_type(string kind) =>
        Assert.All(GeneratedCrds.Nodes(kind), node => Assert.False(string.IsNullOrEmpty(node.Schema.Type), $"{node} has no type"));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void No_schema_uses_unique_items(string kind) =>
        Assert.All(GeneratedCrds.Nodes(kind), node => Assert.NotEqual(true, node.Schema.UniqueItems));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Arrays_have_items_and_only_arrays_do(string kind) =>
        Assert.All(GeneratedCrds.Nodes(kind), node => Assert.Equal(node.Schema.Type == "array", node.Schema.Items is V1JSONSchemaProps));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Objects_have_properties_or_additional_properties_never_both(string kind) =>
        Assert.All(GeneratedCrds.Nodes(kind).Where(n => n.Schema.Type == "object" && n.Path != "metadata"), node =>
        {
            var hasProperties = node.Schema.Properties is { Count: > 0 };
            var hasValues = node.Schema.AdditionalProperties is V1JSONSchemaProps;
            Assert.True(hasProperties ^ hasValues, $"{node}: properties {hasProperties}, additionalProperties {hasValues}");
        });

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Metadata_is_left_to_the_api_server(string kind)
    {
        var metadata = GeneratedCrds.Root(kind).Properties["metadata"];

        Assert.Equal("object", metadata.Type);
        Assert.Null(metadata.Properties);
        Assert.Null(metadata.XKubernetesValidations);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Required_fields_exist(string kind) =>
        Assert.All(GeneratedCrds.Nodes(kind).Where(n => n.Schema.Required is not null), node =>
            Assert.All(node.Schema.Required, name => Assert.True(node.Schema.Properties?.ContainsKey(name) == true, $"{node} requires missing {name}")));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Map_lists_key_on_required_scalar_fields_and_set_lists_hold_scalars(string kind)
    {
        foreach (var node in GeneratedCrds.Nodes(kind).Where(n => n.Schema.XKubernetesListType is not null))
        {
            var items = (V1JSONSchemaProps)node.Schema.Items;
            switch (node.Schema.XKubernetesListType)
            {
                case "map":
                    Assert.Equal("object", items.Type);
                    Assert.NotEmpty(node.Schema.XKubernetesListMapKeys);
                    Assert.All(node.Schema.XKubernetesListMapKeys, key =>
                    {
                        Assert.Contains(key, items.Required);
                        Assert.Contains(items.Properties[key].Type, MapKeyTypes);
                    });
                    break;
                case "set":
                    Assert.Contains(items.Type, ScalarTypes);
                    break;
                default:
                    Assert.Equal("atomic", node.Schema.XKubernetesListType);
                    break;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Defaults_are_values_the_schema_admits(string kind) =>
        Assert.All(GeneratedCrds.Nodes(kind).Where(n => n.Schema.DefaultProperty is not null), node =>
            Assert.True(Admits(node.Schema, node.Schema.DefaultProperty), $"{node}: default {node.Schema.DefaultProperty} is not valid for its own schema"));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_field_is_described_for_kubectl_explain(string kind) =>
        Assert.All(
            GeneratedCrds.Nodes(kind).Where(n => n.Path.StartsWith("spec", StringComparison.Ordinal) && !n.Path.EndsWith(']') && !n.Path.EndsWith('}')),
            node => Assert.False(string.IsNullOrWhiteSpace(node.Schema.Description), $"{node} has no description"));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Validation_rules_have_messages_and_real_field_paths(string kind) =>
        Assert.All(GeneratedCrds.Nodes(kind).Where(n => n.Schema.XKubernetesValidations is not null), node =>
            Assert.All(node.Schema.XKubernetesValidations, rule =>
            {
                Assert.False(string.IsNullOrWhiteSpace(rule.Message), $"{node}: {rule.Rule} has no message");
                if (rule.FieldPath is { } fieldPath)
                {
                    Assert.StartsWith(".", fieldPath, StringComparison.Ordinal);
                    Assert.True(node.Schema.Properties?.ContainsKey(fieldPath[1..]) == true, $"{node}: fieldPath {fieldPath} is not a property");
                }
            }));

    // The API server only evaluates oldSelf where it can pair old and new values: objects, maps and map lists.
    [Theory]
    [MemberData(nameof(Kinds))]
    public void Transition_rules_sit_where_old_values_can_be_paired(string kind)
    {
        var nodes = GeneratedCrds.Nodes(kind).ToList();
        foreach (var node in nodes.Where(n => n.Schema.XKubernetesValidations?.Any(r => r.Rule.Contains("oldSelf", StringComparison.Ordinal)) == true))
        {
            foreach (var list in nodes.Where(n => n.Schema.Type == "array" && node.Path.StartsWith(n.Path + "[*]", StringComparison.Ordinal)))
            {
                Assert.True(list.Schema.XKubernetesListType == "map", $"{node} has a transition rule inside the non-map list {list}");
            }
        }
    }

    private static bool Admits(V1JSONSchemaProps schema, object? value) => value switch
    {
        string text => schema.Type == "string"
            && (schema.EnumProperty is null || schema.EnumProperty.Contains(text))
            && text.Length >= (schema.MinLength ?? 0) && text.Length <= (schema.MaxLength ?? long.MaxValue)
            && (schema.Pattern is null || System.Text.RegularExpressions.Regex.IsMatch(text, schema.Pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1))),
        bool => schema.Type == "boolean",
        long number => schema.Type is "integer" or "number" && InRange(schema, number),
        double number => schema.Type == "number" && InRange(schema, number),
        IDictionary<string, object?> map => schema.Type == "object"
            && map.All(p => schema.Properties?.TryGetValue(p.Key, out var property) == true && Admits(property, p.Value)),
        IEnumerable list => schema.Type == "array" && schema.Items is V1JSONSchemaProps items
            && list.Cast<object?>().All(item => Admits(items, item))
            && list.Cast<object?>().Count() >= (schema.MinItems ?? 0) && list.Cast<object?>().Count() <= (schema.MaxItems ?? long.MaxValue),
        _ => false,
    };

    private static bool InRange(V1JSONSchemaProps schema, double value) =>
        (schema.Minimum is not { } min || (schema.ExclusiveMinimum == true ? value > min : value >= min))
        && (schema.Maximum is not { } max || (schema.ExclusiveMaximum == true ? value < max : value <= max));
}
