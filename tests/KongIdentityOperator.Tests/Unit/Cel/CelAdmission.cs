using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;
using KongIdentityOperator.Tests.Unit.Crds;

namespace KongIdentityOperator.Tests.Unit.Cel;

/// <summary>
/// The CEL part of what the API server does with a create or update of one of the five kinds: apply the schema's
/// defaults, then evaluate every rule at every value present, transition rules only where an old value can be paired
/// (object properties and map values by name). Schema checks other than CEL (types, enums, ranges) are not repeated.
/// </summary>
internal static class CelAdmission
{
    /// <summary>The messages of the rules that reject the object; empty when it is admitted.</summary>
    public static IReadOnlyList<string> Errors(JsonObject updated, JsonObject? old = null)
    {
        var kind = (string?)updated["kind"] ?? throw new ArgumentException("The object has no kind.", nameof(updated));
        var schema = GeneratedCrds.Root(kind);
        var self = Defaulted(schema, updated.DeepClone());
        var oldSelf = old is null ? null : Defaulted(schema, old.DeepClone());
        var errors = new List<string>();
        Validate(schema, self, oldSelf, string.Empty, errors);
        return errors;
    }

    /// <summary>The object with the schema's defaults filled in, as the API server stores it.</summary>
    public static JsonNode Defaulted(V1JSONSchemaProps schema, JsonNode node)
    {
        switch (node)
        {
            case JsonObject o when schema.Properties is { } properties:
                foreach (var (name, property) in properties)
                {
                    if (!o.ContainsKey(name) && property.DefaultProperty is { } value)
                    {
                        o[name] = JsonSerializer.SerializeToNode(value);
                    }

                    if (o[name] is { } child)
                    {
                        Defaulted(property, child);
                    }
                }

                break;
            case JsonObject o when schema.AdditionalProperties is V1JSONSchemaProps values:
                foreach (var (_, child) in o.Where(p => p.Value is not null).ToList())
                {
                    Defaulted(values, child!);
                }

                break;
            case JsonArray a when schema.Items is V1JSONSchemaProps items:
                foreach (var child in a.OfType<JsonNode>())
                {
                    Defaulted(items, child);
                }

                break;
        }

        return node;
    }

    private static void Validate(V1JSONSchemaProps schema, JsonNode self, JsonNode? oldSelf, string path, List<string> errors)
    {
        foreach (var rule in schema.XKubernetesValidations ?? [])
        {
            if (CelRules.IsTransition(rule.Rule) && oldSelf is null)
            {
                continue;
            }

            var verdict = CelRules.Evaluate(rule.Rule, self, oldSelf);
            if (!verdict.Passed)
            {
                errors.Add(verdict.Error is null ? $"{path}{rule.FieldPath}: {rule.Message}" : $"{path}{rule.FieldPath}: {rule.Message} ({verdict.Error})");
            }
        }

        switch (self)
        {
            case JsonObject o when schema.Properties is { } properties:
                foreach (var (name, property) in properties)
                {
                    if (o[name] is { } child)
                    {
                        Validate(property, child, (oldSelf as JsonObject)?[name], $"{path}.{name}", errors);
                    }
                }

                break;
            case JsonObject o when schema.AdditionalProperties is V1JSONSchemaProps values:
                foreach (var (key, child) in o)
                {
                    if (child is not null)
                    {
                        Validate(values, child, (oldSelf as JsonObject)?[key], $"{path}[{key}]", errors);
                    }
                }

                break;
            case JsonArray a when schema.Items is V1JSONSchemaProps items:
                // Items of atomic and set lists have no old value to pair with (no list-type map here carries rules).
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is { } child)
                    {
                        Validate(items, child, null, $"{path}[{i}]", errors);
                    }
                }

                break;
        }
    }
}
