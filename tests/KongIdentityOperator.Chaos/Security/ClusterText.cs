using k8s;
using KongIdentityOperator.Chaos.Harness;
using KongIdentityOperator.Entities;
using Client = KongIdentityOperator.Entities.Client;

namespace KongIdentityOperator.Chaos.Security;

/// <summary>
/// What the operator wrote into the cluster besides Secrets, as text for the leak scan: every Event (core/v1 and
/// events.k8s.io/v1, all namespaces), every object of the five kinds (status included), and the paths and queries
/// of the operator's requests.
/// </summary>
internal static class ClusterText
{
    public static async Task ScanAsync(ChaosSandbox sandbox, LeakScanner scanner, CancellationToken cancellationToken)
    {
        scanner.Scan("core/v1 Events", KubernetesJson.Serialize(await sandbox.Kubernetes.CoreV1.ListEventForAllNamespacesAsync(cancellationToken: cancellationToken)));
        scanner.Scan("events.k8s.io/v1 Events", KubernetesJson.Serialize(await sandbox.Kubernetes.EventsV1.ListEventForAllNamespacesAsync(cancellationToken: cancellationToken)));
        scanner.Scan("AuthServers", KubernetesJson.Serialize(await sandbox.Client.ListAsync<AuthServer>(cancellationToken: cancellationToken)));
        scanner.Scan("Scopes", KubernetesJson.Serialize(await sandbox.Client.ListAsync<Scope>(cancellationToken: cancellationToken)));
        scanner.Scan("Claims", KubernetesJson.Serialize(await sandbox.Client.ListAsync<Claim>(cancellationToken: cancellationToken)));
        scanner.Scan("Clients", KubernetesJson.Serialize(await sandbox.Client.ListAsync<Client>(cancellationToken: cancellationToken)));
        scanner.Scan("UpstreamOAuthPolicies", KubernetesJson.Serialize(await sandbox.Client.ListAsync<UpstreamOAuthPolicy>(cancellationToken: cancellationToken)));
        scanner.Scan(
            "operator request paths",
            string.Join('\n', sandbox.Kube.RequestLog.Where(r => !SuiteUserAgent.IsSuite(r.UserAgent)).Select(r => r.Path + "?" + r.Query)));
    }
}
