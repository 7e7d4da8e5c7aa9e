using System.Text.Json.Nodes;
using KongIdentityOperator.Tests.Unit.Crds;

namespace KongIdentityOperator.Tests.Unit.Cel;

/// <summary>The objects of config/samples (the tutorial), one per kind, and edits of them for admission scenarios.</summary>
internal static class Samples
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonObject>> LazyByKind = new(() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "config", "samples"), "*.yaml")
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .SelectMany(f => YamlJson.Documents(File.ReadAllText(f)))
            .Where(o => (string?)o["apiVersion"] == "identity.konghq.com/v1alpha1")
            .ToDictionary(o => (string)o["kind"]!, StringComparer.Ordinal));

    public static IEnumerable<string> Kinds => LazyByKind.Value.Keys.Order(StringComparer.Ordinal);

    /// <summary>A fresh copy of the sample of a kind.</summary>
    public static JsonObject Of(string kind) => LazyByKind.Value[kind].DeepClone().AsObject();

    /// <summary>The object with the value at a dotted path set (objects created on the way), or removed when null.</summary>
    public static JsonObject With(this JsonObject obj, string path, string? json)
    {
        var copy = obj.DeepClone().AsObject();
        var names = path.Split('.');
        var parent = copy;
        foreach (var name in names[..^1])
        {
            parent = parent[name] as JsonObject ?? (JsonObject)(parent[name] = new JsonObject());
        }

        if (json is null)
        {
            parent.Remove(names[^1]);
        }
        else
        {
            parent[names[^1]] = JsonNode.Parse(json);
        }

        return copy;
    }
}
