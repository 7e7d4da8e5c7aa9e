using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.KubeApi.Registry;

/// <summary>
/// The real server's conversion between <c>events.k8s.io/v1</c> and <c>core/v1</c> Events, which share one
/// storage: what an operator records through one API, <c>kubectl describe</c> reads through the other.
/// </summary>
internal static class EventConversion
{
    /// <summary>(events.k8s.io/v1 field, core/v1 field) pairs; other fields are named alike in both.</summary>
    private static readonly (string Modern, string Core)[] Renames =
    [
        ("regarding", "involvedObject"),
        ("note", "message"),
        ("reportingController", "reportingComponent"),
        ("deprecatedSource", "source"),
        ("deprecatedFirstTimestamp", "firstTimestamp"),
        ("deprecatedLastTimestamp", "lastTimestamp"),
        ("deprecatedCount", "count"),
    ];

    public static ObjectConversion Conversion { get; } = new(new ResourceKey(string.Empty, "events"), ToCore, ToEventsV1, CoreField);

    public static JsonObject ToCore(JsonObject modern) => Rename(modern, "v1", toCore: true);

    public static JsonObject ToEventsV1(JsonObject core) => Rename(core, "events.k8s.io/v1", toCore: false);

    /// <summary><c>regarding.name</c> → <c>involvedObject.name</c>, and the other renamed fields likewise.</summary>
    public static string CoreField(string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var head = dot < 0 ? path : path[..dot];
        var renamed = Renames.FirstOrDefault(r => r.Modern == head);
        return renamed == default ? path : renamed.Core + (dot < 0 ? string.Empty : path[dot..]);
    }

    private static JsonObject Rename(JsonObject source, string apiVersion, bool toCore)
    {
        var result = new JsonObject();
        foreach (var (key, value) in source)
        {
            var renamed = Renames.FirstOrDefault(r => (toCore ? r.Modern : r.Core) == key);
            var name = renamed == default ? key : toCore ? renamed.Core : renamed.Modern;
            result[name] = key == "apiVersion" ? apiVersion : value?.DeepClone();
        }

        return result;
    }
}
