using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Json;

namespace KongIdentityOperator.Sandbox.KubeApi.Patching;

/// <summary>One <c>metadata.managedFields</c> entry: who owns which fields, through which operation.</summary>
internal sealed record ManagedFieldsEntry(string Manager, string Operation, string ApiVersion, string? Time, string Subresource, HashSet<string> Fields)
{
    public const string Apply = "Apply";
    public const string Update = "Update";

    /// <summary>
    /// What makes two entries the same manager: name, operation and subresource, and for updates the apiVersion
    /// (appliers keep one entry across versions), as the real field manager's identifier.
    /// </summary>
    public (string, string, string, string) Identity => (Manager, Operation, Operation == Apply ? string.Empty : ApiVersion, Subresource);

    /// <summary>How conflicts name this manager: <c>"mgr"</c>, or <c>"mgr" using v1</c> for updaters.</summary>
    public string Describe()
    {
        var text = $"\"{Manager}\"";
        if (Subresource.Length > 0)
        {
            text += $" with subresource \"{Subresource}\"";
        }

        return Operation == Update ? $"{text} using {ApiVersion}" : text;
    }

    public static List<ManagedFieldsEntry> Read(JsonNode? managedFields) =>
    [
        .. (managedFields as JsonArray ?? []).OfType<JsonObject>()
            .Where(e => e.StringAt("manager") is not null && e.StringAt("operation") is Apply or Update)
            .Select(e => new ManagedFieldsEntry(
                e.StringAt("manager")!,
                e.StringAt("operation")!,
                e.StringAt("apiVersion") ?? string.Empty,
                e.StringAt("time"),
                e.StringAt("subresource") ?? string.Empty,
                FieldPaths.FromFieldsV1(e.ObjectAt("fieldsV1")))),
    ];

    /// <summary>The entries as the real server writes them: non-empty only, Apply before Update, then by time.</summary>
    public static JsonArray Write(IEnumerable<ManagedFieldsEntry> entries) =>
    [
        .. entries
            .Where(e => e.Fields.Count > 0)
            .OrderBy(e => e.Operation, StringComparer.Ordinal)
            .ThenBy(e => e.Time ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(e => e.Manager, StringComparer.Ordinal)
            .ThenBy(e => e.ApiVersion, StringComparer.Ordinal)
            .ThenBy(e => e.Subresource, StringComparer.Ordinal)
            .Select(e => (JsonNode)e.ToJson()),
    ];

    private JsonObject ToJson()
    {
        var node = new JsonObject
        {
            ["manager"] = Manager,
            ["operation"] = Operation,
            ["apiVersion"] = ApiVersion,
        };
        if (Time is not null)
        {
            node["time"] = Time;
        }

        node["fieldsType"] = "FieldsV1";
        node["fieldsV1"] = FieldPaths.ToFieldsV1(Fields);
        if (Subresource.Length > 0)
        {
            node["subresource"] = Subresource;
        }

        return node;
    }
}
