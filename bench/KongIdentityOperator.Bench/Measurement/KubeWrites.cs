using KongIdentityOperator.Sandbox.KubeApi;

namespace KongIdentityOperator.Bench.Measurement;

/// <summary>Writes the in-memory API server has received (create, update, patch, delete).</summary>
internal static class KubeWrites
{
    private static readonly HashSet<string> WriteVerbs = new(["create", "update", "patch", "delete", "deletecollection"], StringComparer.OrdinalIgnoreCase);

    public static long Count(KubeApiServer server) => server.RequestLog.Count(entry => WriteVerbs.Contains(entry.Verb));
}
