using System.Reflection;
using k8s.Models;
using KongIdentityOperator.Runtime.Entities;
using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Transpiler;

/// <summary>Turns an entity type into its <see cref="V1CustomResourceDefinition"/> (one served, stored version).</summary>
public static class CrdTranspiler
{
    public static V1CustomResourceDefinition Transpile<TEntity>()
        where TEntity : CustomKubernetesEntity => Transpile(typeof(TEntity));

    public static V1CustomResourceDefinition Transpile(Type entityType)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        var entity = entityType.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new ArgumentException($"{entityType.Name} has no [KubernetesEntity] attribute.", nameof(entityType));
        var plural = (entity.PluralName ?? entity.Kind + "s").ToLowerInvariant();
        var scope = entityType.GetCustomAttribute<EntityScopeAttribute>()?.Scope ?? EntityScope.Namespaced;

        var generated = new SchemaGenerator().ForType(entityType);
        var root = new V1JSONSchemaProps
        {
            Type = "object",
            Description = generated.Description,
            XKubernetesValidations = generated.XKubernetesValidations,
            Properties = new Dictionary<string, V1JSONSchemaProps>(StringComparer.Ordinal)
            {
                ["apiVersion"] = new() { Type = "string", Description = "The versioned schema of this representation of an object." },
                ["kind"] = new() { Type = "string", Description = "The REST resource this object represents." },
                ["metadata"] = new() { Type = "object" },
            },
        };
        foreach (var (name, schema) in generated.Properties!.Where(p => p.Key is not ("apiVersion" or "kind" or "metadata")))
        {
            root.Properties[name] = schema;
        }

        if (root.Properties.TryGetValue("spec", out var spec) && spec.Required is { Count: > 0 })
        {
            root.Required = ["spec"];
        }

        if (root.Properties.TryGetValue("status", out var status))
        {
            // Defaults inside status only apply when status exists; default status itself so that a new object
            // reads e.g. observedGeneration -1 at once (kstatus then sees it as in progress, not current).
            status.DefaultProperty = DirectDefaults(status);
        }

        var hasStatus = entityType.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IStatusEntity<>));
        return new V1CustomResourceDefinition
        {
            ApiVersion = "apiextensions.k8s.io/v1",
            Kind = "CustomResourceDefinition",
            Metadata = new V1ObjectMeta { Name = $"{plural}.{entity.Group}" },
            Spec = new V1CustomResourceDefinitionSpec
            {
                Group = entity.Group,
                Scope = scope.ToString(),
                Names = new V1CustomResourceDefinitionNames
                {
                    Kind = entity.Kind,
                    ListKind = entity.Kind + "List",
                    Plural = plural,
                    Singular = entity.Kind.ToLowerInvariant(),
                    ShortNames = NullIfEmpty(entityType.GetCustomAttribute<KubernetesEntityShortNamesAttribute>()?.ShortNames),
                    Categories = NullIfEmpty(entityType.GetCustomAttribute<KubernetesEntityCategoriesAttribute>()?.Categories),
                },
                Versions =
                [
                    new V1CustomResourceDefinitionVersion
                    {
                        Name = entity.ApiVersion,
                        Served = true,
                        Storage = true,
                        Schema = new V1CustomResourceValidation { OpenAPIV3Schema = root },
                        Subresources = hasStatus ? new V1CustomResourceSubresources { Status = new object() } : null,
                        AdditionalPrinterColumns = PrinterColumns(entityType),
                    },
                ],
            },
        };
    }

    private static List<V1CustomResourceColumnDefinition>? PrinterColumns(Type entityType)
    {
        var columns = entityType.GetCustomAttributes<AdditionalPrinterColumnAttribute>()
            .Select(c => new V1CustomResourceColumnDefinition { JsonPath = c.JsonPath, Name = c.Name, Type = c.Type, Description = c.Description, Priority = c.Priority == 0 ? null : c.Priority })
            .ToList();
        return columns.Count > 0 ? columns : null;
    }

    private static Dictionary<string, object?>? DirectDefaults(V1JSONSchemaProps schema)
    {
        var defaults = (schema.Properties ?? new Dictionary<string, V1JSONSchemaProps>())
            .Where(p => p.Value.DefaultProperty is not null)
            .ToDictionary(p => p.Key, p => (object?)p.Value.DefaultProperty, StringComparer.Ordinal);
        return defaults.Count > 0 ? defaults : null;
    }

    private static List<string>? NullIfEmpty(IReadOnlyList<string>? values) => values is { Count: > 0 } ? [.. values] : null;
}
