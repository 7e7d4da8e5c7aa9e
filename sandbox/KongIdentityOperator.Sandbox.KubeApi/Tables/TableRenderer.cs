using System.Text.Json.Nodes;
using KongIdentityOperator.Sandbox.KubeApi.Http;
using KongIdentityOperator.Sandbox.KubeApi.Json;
using KongIdentityOperator.Sandbox.KubeApi.Registry;

namespace KongIdentityOperator.Sandbox.KubeApi.Tables;

/// <summary>
/// Renders objects as a <c>meta.k8s.io/v1 Table</c>, which is what makes <c>kubectl get</c> show printer columns:
/// Name, then the CRD's additionalPrinterColumns (or a built-in's fixed columns), with Age added when a built-in
/// or a CRD without columns is shown. Date cells become ages ("5m") on the server, as the real one does.
/// </summary>
internal sealed class TableRenderer(TimeProvider time)
{
    private static readonly PrinterColumn AgeColumn = new("Age", "date", ".metadata.creationTimestamp",
        "CreationTimestamp is a timestamp representing the server time when this object was created.");

    private static readonly PrinterColumn BuiltInAgeColumn = AgeColumn with { Type = "string" };

    public JsonObject Render(ResourceDefinition definition, IEnumerable<JsonObject> objects, string? resourceVersion, bool includeHeaders, bool includeObject)
    {
        var columns = Columns(definition);
        var table = new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = resourceVersion is null ? new JsonObject() : new JsonObject { ["resourceVersion"] = resourceVersion },
            ["columnDefinitions"] = includeHeaders ? ColumnDefinitions(columns) : new JsonArray(),
        };
        var rows = new JsonArray();
        foreach (var obj in objects)
        {
            var cells = new JsonArray { obj.StringAt("metadata", "name") };
            foreach (var column in columns)
            {
                cells.Add(Cell(obj, column));
            }

            rows.Add(new JsonObject
            {
                ["cells"] = cells,
                ["object"] = includeObject ? obj.DeepClone() : ObjectPresenter.PartialMetadata(obj),
            });
        }

        table["rows"] = rows;
        return table;
    }

    // Built-in printers declare Age as a string column; the CRD table convertor keeps its columns' types ("date").
    private static IReadOnlyList<PrinterColumn> Columns(ResourceDefinition definition) =>
        definition.ShowsAge ? [.. definition.PrinterColumns, definition.IsCustom ? AgeColumn : BuiltInAgeColumn] : definition.PrinterColumns;

    private static JsonArray ColumnDefinitions(IReadOnlyList<PrinterColumn> columns)
    {
        var definitions = new JsonArray
        {
            new JsonObject
            {
                ["name"] = "Name",
                ["type"] = "string",
                ["format"] = "name",
                ["description"] = "Name must be unique within a namespace.",
                ["priority"] = 0,
            },
        };
        foreach (var column in columns)
        {
            definitions.Add(new JsonObject
            {
                ["name"] = column.Name,
                ["type"] = column.Type,
                ["format"] = column.Format,
                ["description"] = column.Description,
                ["priority"] = column.Priority,
            });
        }

        return definitions;
    }

    private JsonNode? Cell(JsonObject obj, PrinterColumn column)
    {
        var value = SimpleJsonPath.First(obj, column.JsonPath);
        return column.Type switch
        {
            _ when ReferenceEquals(column, BuiltInAgeColumn) || column.Type == "date" => Timestamps.Parse(value.ScalarText()) is { } when ? Age(time.GetUtcNow() - when) : null,
            "integer" when value is JsonObject o => o.Count,
            "integer" when value is JsonArray a => a.Count,
            "integer" or "number" or "boolean" => value?.DeepClone(),
            _ => value switch
            {
                null => null,
                JsonValue v => v.ScalarText(),
                _ => JsonText.ToText(value),
            },
        };
    }

    /// <summary>apimachinery's HumanDuration, shortened: 45s, 5m, 3h, 2d, 1y.</summary>
    private static string Age(TimeSpan age)
    {
        var seconds = Math.Max(0, (long)age.TotalSeconds);
        return seconds switch
        {
            < 120 => $"{seconds}s",
            < 600 => $"{seconds / 60}m{seconds % 60}s",
            < 3 * 3600 => $"{seconds / 60}m",
            < 8 * 3600 => $"{seconds / 3600}h{seconds % 3600 / 60}m",
            < 48 * 3600 => $"{seconds / 3600}h",
            < 365L * 24 * 3600 => $"{seconds / 86400}d",
            _ => $"{seconds / (365L * 86400)}y",
        };
    }
}
