using k8s.Models;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Transpiler;

namespace KongIdentityOperator.Tests.Unit.Crds;

/// <summary>The CRDs of the five kinds, transpiled in memory once; tests only read them.</summary>
internal static class GeneratedCrds
{
    private static readonly Lazy<IReadOnlyDictionary<string, V1CustomResourceDefinition>> LazyByKind = new(() =>
        EntityTypes.All.Select(CrdTranspiler.Transpile).ToDictionary(c => c.Spec.Names.Kind, StringComparer.Ordinal));

    public static IEnumerable<string> Kinds => EntityTypes.All.Select(t => t.Name);

    public static IEnumerable<V1CustomResourceDefinition> All => Kinds.Select(Of);

    public static V1CustomResourceDefinition Of(string kind) => LazyByKind.Value[kind];

    public static V1CustomResourceDefinitionVersion Version(string kind) => Assert.Single(Of(kind).Spec.Versions);

    public static V1JSONSchemaProps Root(string kind) => Version(kind).Schema.OpenAPIV3Schema;

    /// <summary>The schema at a path such as <c>spec.grantTypes[*]</c> or <c>spec.labels{*}</c>.</summary>
    public static V1JSONSchemaProps At(string kind, string path) =>
        Nodes(kind).SingleOrDefault(n => n.Path == path)?.Schema ?? throw new KeyNotFoundException($"{kind} has no schema at {path}");

    /// <summary>Every schema of a kind, depth first, the root first (path "").</summary>
    public static IEnumerable<SchemaNode> Nodes(string kind)
    {
        var pending = new Stack<(string Path, V1JSONSchemaProps Schema)>();
        pending.Push((string.Empty, Root(kind)));
        while (pending.Count > 0)
        {
            var (path, schema) = pending.Pop();
            yield return new SchemaNode(kind, path, schema);
            foreach (var (name, child) in (schema.Properties ?? new Dictionary<string, V1JSONSchemaProps>()).Reverse())
            {
                pending.Push((path.Length == 0 ? name : $"{path}.{name}", child));
            }

            if (schema.Items is V1JSONSchemaProps items)
            {
                pending.Push(($"{path}[*]", items));
            }

            if (schema.AdditionalProperties is V1JSONSchemaProps values)
            {
                pending.Push(($"{path}{{*}}", values));
            }
        }
    }

    public static IEnumerable<SchemaNode> AllNodes() => Kinds.SelectMany(Nodes);
}
