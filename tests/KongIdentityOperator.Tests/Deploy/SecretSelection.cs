using System.Web;
using KongIdentityOperator.Hosting;
using KongIdentityOperator.Sandbox.KubeApi;

namespace KongIdentityOperator.Tests.Deploy;

/// <summary>
/// What the operator's Secret requests reveal about what it caches: every list and watch of Secrets must carry one of
/// the operator's label selectors (the API server then returns only Secrets matching it), and no request may name a
/// Secret that is neither offered nor the operator's own.
/// </summary>
internal static class SecretSelection
{
    public static IReadOnlyList<string> Violations(IEnumerable<RequestLogEntry> requests, IReadOnlyList<(string Namespace, string Name)> unlabelled)
    {
        var secretRequests = requests.Where(r => r.Group.Length == 0 && r.Resource == "secrets").ToList();
        var unselected = secretRequests
            .Where(r => r.Verb is "list" or "watch")
            .Where(r => HttpUtility.ParseQueryString(r.Query).Get("labelSelector") is not { } selector || !CachedSecrets.Selectors.Contains(selector))
            .Select(r => $"{r.Verb} secrets {(r.Namespace.Length == 0 ? "(all namespaces)" : "in " + r.Namespace)} with query '{r.Query}'");
        var named = secretRequests
            .Where(r => unlabelled.Contains((r.Namespace, r.Name)))
            .Select(r => $"{r.Verb} secret {r.Namespace}/{r.Name}, which carries neither label");
        return [.. unselected.Concat(named).Distinct(StringComparer.Ordinal)];
    }
}
