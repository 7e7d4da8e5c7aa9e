using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Json;

namespace KongIdentityOperator.Sandbox.KubeApi.Registry;

/// <summary>Turns a CustomResourceDefinition object into the definitions of its served versions.</summary>
internal static class CrdDefinitions
{
    public static IReadOnlyList<ResourceDefinition> From(JsonObject crd)
    {
        var spec = crd.ObjectAt("spec");
        var names = spec.ObjectAt("names");
        var group = spec.StringAt("group");
        var kind = names.StringAt("kind");
        var plural = names.StringAt("plural");
        if (spec is null || group is null || kind is null || plural is null)
        {
            return [];
        }

        var singular = names.StringAt("singular") ?? kind.ToLowerInvariant();
        var namespaced = !string.Equals(spec.StringAt("scope"), "Cluster", StringComparison.Ordinal);
        var result = new List<ResourceDefinition>();
        foreach (var version in spec.ArrayAt("versions")?.OfType<JsonObject>() ?? [])
        {
            if (version.StringAt("name") is not { } versionName || version["served"]?.GetValue<bool>() == false)
            {
                continue;
            }

            result.Add(new ResourceDefinition(group, versionName, kind, plural, singular, namespaced, names.At("shortNames").StringList())
            {
                Categories = names.At("categories").StringList(),
                ListKind = names.StringAt("listKind") ?? kind + "List",
                HasStatusSubresource = version.At("subresources", "status") is JsonObject,
                TracksGeneration = true,
                IsCustom = true,
                CrdName = crd.StringAt("metadata", "name"),
                Schema = version.ObjectAt("schema", "openAPIV3Schema"),
                PrinterColumns = PrinterColumns(version),
                ShowsAge = version.ArrayAt("additionalPrinterColumns") is null,
            });
        }

        return result;
    }

    /// <summary>The version objects are stored at: the one marked <c>storage: true</c>.</summary>
    public static string? StorageVersion(JsonObject crd) =>
        crd.ArrayAt("spec", "versions")?.OfType<JsonObject>()
            .FirstOrDefault(v => v["storage"] is JsonValue s && s.GetValueKind() == System.Text.Json.JsonValueKind.True)
            .StringAt("name");

    private static IReadOnlyList<PrinterColumn> PrinterColumns(JsonObject version) =>
    [
        .. (version.ArrayAt("additionalPrinterColumns")?.OfType<JsonObject>() ?? [])
            .Where(c => c.StringAt("name") is not null && c.StringAt("jsonPath") is not null)
            .Select(c => new PrinterColumn(
                c.StringAt("name")!,
                c.StringAt("type") ?? "string",
                c.StringAt("jsonPath")!,
                c.StringAt("description") ?? string.Empty,
                c.At("priority").TryGetLong(out var priority) ? (int)priority : 0,
                c.StringAt("format") ?? string.Empty)),
    ];
}
