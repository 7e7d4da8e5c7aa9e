using KongIdentityOperator.Sandbox.KubeApi;

namespace KongIdentityOperator.Bench.Measurement;

/// <summary>Writes the in-memory API server has received (create, update, patch, delete).</summary>
internal static class KubeWrites
{
    private static readonly HashSet<string> WriteVerbs = new(["create", "update", "patch", "delete", "deletecollection"], StringComparer.OrdinalIgnoreCase);

    public static long Count(KubeApiServer server) => server.RequestLog.Count(entry => WriteVerbs.Contains(entry.Verb));

    /// <summary>Writes since the log held <paramref name="skip"/> entries, by "verb resource[/subresource]".</summary>
    public static IReadOnlyDictionary<string, long> ByResource(KubeApiServer server, int skip) =>
        server.RequestLog.Skip(skip)
            .Where(entry => WriteVerbs.Contains(entry.Verb))
            .GroupBy(entry => $"{entry.Verb} {entry.Resource}{(entry.Subresource.Length > 0 ? "/" + entry.Subresource : string.Empty)}", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
}
