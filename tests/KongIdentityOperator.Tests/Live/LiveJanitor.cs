using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Client;

namespace KongIdentityOperator.Tests.Live;

/// <summary>
/// Removes what live runs created, found only by their marks (<see cref="LiveLabels"/>): namespaces carrying the run
/// label whose name starts with that run's prefix, Konnect auth servers and control planes with the same pair, and
/// CRDs a run installed. The namespaces go first so that a running operator cleans Konnect the ordinary way; whatever
/// is still held by a finalizer after <c>finalizerWait</c> is released and removed from Konnect directly.
/// </summary>
public sealed class LiveJanitor(IKubernetes kubernetes, IKubernetesClient client, LiveKonnect konnect, TextWriter log)
{
    /// <summary>
    /// Cleans one run, or every run when <paramref name="runId"/> is null (<c>--cleanup-only</c>).
    /// <paramref name="beforeKonnect"/> runs once the cluster side is done and before Konnect is cleaned directly: the
    /// suite stops the operator it runs there, so that nothing is re-created behind the sweep.
    /// </summary>
    public async Task<int> CleanAsync(string? runId, TimeSpan finalizerWait, Func<Task>? beforeKonnect, CancellationToken cancellationToken)
    {
        var removed = 0;
        var namespaces = (await kubernetes.CoreV1.ListNamespaceAsync(labelSelector: Selector(runId), cancellationToken: cancellationToken)).Items
            .Where(n => LiveLabels.Marks(n.Metadata.Name, n.Metadata.Labels, LiveLabels.Run, runId))
            .Select(n => n.Metadata.Name)
            .ToList();

        // Deleting the namespace first stops anything new being created in it (a scenario still running when a signal
        // came); its identity objects go with it, cleaned in Konnect by the operator through their finalizers.
        foreach (var ns in namespaces)
        {
            removed += await CountIdentityObjectsAsync([ns], cancellationToken);
            await IgnoreNotFoundAsync(() => kubernetes.CoreV1.DeleteNamespaceAsync(ns, cancellationToken: cancellationToken));
            log.WriteLine($"deleted namespace {ns} (and what it holds)");
            removed++;
        }

        var deadline = DateTime.UtcNow + finalizerWait;
        while (namespaces.Count > 0 && DateTime.UtcNow < deadline && await CountIdentityObjectsAsync(namespaces, cancellationToken) > 0)
        {
            await Task.Delay(500, cancellationToken);
        }

        if (beforeKonnect is not null)
        {
            await beforeKonnect();
        }

        foreach (var ns in namespaces)
        {
            await ReleaseFinalizersAsync(ns, cancellationToken);
        }

        removed += await CleanKonnectAsync(runId, cancellationToken);
        removed += await DeleteInstalledCrdsAsync(runId, namespaces, cancellationToken);
        return removed;
    }

    private static string Selector(string? runId) => runId is null ? LiveLabels.Run : $"{LiveLabels.Run}={runId}";

    private async Task<int> CleanKonnectAsync(string? runId, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var plane in await konnect.ListAsync("v2/control-planes", cancellationToken))
        {
            if (LiveLabels.Marks(LiveKonnect.Name(plane), LiveKonnect.Labels(plane), LiveLabels.KonnectRun, runId))
            {
                // Deleting a control plane deletes its plugins with it.
                await konnect.DeleteAsync($"v2/control-planes/{LiveKonnect.Id(plane)}", cancellationToken);
                log.WriteLine($"deleted Konnect control plane {LiveKonnect.Name(plane)}");
                removed++;
            }
        }

        foreach (var server in await konnect.ListAsync("v1/auth-servers", cancellationToken))
        {
            if (!LiveLabels.Marks(LiveKonnect.Name(server), LiveKonnect.Labels(server), LiveLabels.KonnectRun, runId))
            {
                continue;
            }

            // An auth server is deleted without force, so its children (orphaned ones included) go first.
            var path = $"v1/auth-servers/{LiveKonnect.Id(server)}";
            foreach (var child in new[] { "clients", "claims", "scopes" })
            {
                foreach (var item in await konnect.ListAsync($"{path}/{child}", cancellationToken))
                {
                    await konnect.DeleteAsync($"{path}/{child}/{LiveKonnect.Id(item)}", cancellationToken);
                }
            }

            await konnect.DeleteAsync(path, cancellationToken);
            log.WriteLine($"deleted Konnect auth server {LiveKonnect.Name(server)}");
            removed++;
        }

        return removed;
    }

    private async Task<int> CountIdentityObjectsAsync(IEnumerable<string> namespaces, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var ns in namespaces)
        {
            count += (await ListOrEmptyAsync<UpstreamOAuthPolicy>(ns, cancellationToken)).Count
                + (await ListOrEmptyAsync<Client>(ns, cancellationToken)).Count
                + (await ListOrEmptyAsync<Claim>(ns, cancellationToken)).Count
                + (await ListOrEmptyAsync<Scope>(ns, cancellationToken)).Count
                + (await ListOrEmptyAsync<AuthServer>(ns, cancellationToken)).Count;
        }

        return count;
    }

    /// <summary>Lets go of what no operator finished: the run's objects only, and only in the run's namespace.</summary>
    private async Task ReleaseFinalizersAsync(string ns, CancellationToken cancellationToken)
    {
        await ReleaseAsync<UpstreamOAuthPolicy>(ns, cancellationToken);
        await ReleaseAsync<Client>(ns, cancellationToken);
        await ReleaseAsync<Claim>(ns, cancellationToken);
        await ReleaseAsync<Scope>(ns, cancellationToken);
        await ReleaseAsync<AuthServer>(ns, cancellationToken);
        foreach (var secret in await ListOrEmptyAsync<V1Secret>(ns, cancellationToken))
        {
            if (secret.Metadata.Finalizers is { Count: > 0 })
            {
                await ReleaseOneAsync<V1Secret>(secret.Metadata.Name, ns, cancellationToken);
            }
        }
    }

    private async Task ReleaseAsync<T>(string ns, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        foreach (var item in await ListOrEmptyAsync<T>(ns, cancellationToken))
        {
            await ReleaseOneAsync<T>(item.Metadata.Name, ns, cancellationToken);
            log.WriteLine($"released the finalizers of {typeof(T).Name} {ns}/{item.Metadata.Name} (no operator finished it)");
        }
    }

    private Task ReleaseOneAsync<T>(string name, string ns, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        IgnoreNotFoundAsync(() => client.PatchAsync<T>(new V1Patch("{\"metadata\":{\"finalizers\":null}}", V1Patch.PatchType.MergePatch), name, ns, cancellationToken));

    /// <summary>CRDs the run installed, and only when no object of theirs lives outside the runs' namespaces.</summary>
    private async Task<int> DeleteInstalledCrdsAsync(string? runId, IReadOnlyCollection<string> namespaces, CancellationToken cancellationToken)
    {
        var removed = 0;
        var crds = await kubernetes.ApiextensionsV1.ListCustomResourceDefinitionAsync(labelSelector: Selector(runId), cancellationToken: cancellationToken);
        foreach (var crd in crds.Items.Where(c => c.Spec.Group == EntityGroup.Group))
        {
            if (await CountOutsideAsync(crd.Spec.Names.Plural, namespaces, cancellationToken) > 0)
            {
                log.WriteLine($"kept CRD {crd.Metadata.Name}: objects outside the run's namespaces use it");
                continue;
            }

            await IgnoreNotFoundAsync(() => kubernetes.ApiextensionsV1.DeleteCustomResourceDefinitionAsync(crd.Metadata.Name, cancellationToken: cancellationToken));
            log.WriteLine($"deleted CRD {crd.Metadata.Name} (installed by a run)");
            removed++;
        }

        return removed;
    }

    private async Task<int> CountOutsideAsync(string plural, IReadOnlyCollection<string> namespaces, CancellationToken cancellationToken)
    {
        var all = plural switch
        {
            "authservers" => (await ListOrEmptyAsync<AuthServer>(null, cancellationToken)).Select(o => o.Metadata.NamespaceProperty),
            "scopes" => (await ListOrEmptyAsync<Scope>(null, cancellationToken)).Select(o => o.Metadata.NamespaceProperty),
            "claims" => (await ListOrEmptyAsync<Claim>(null, cancellationToken)).Select(o => o.Metadata.NamespaceProperty),
            "clients" => (await ListOrEmptyAsync<Client>(null, cancellationToken)).Select(o => o.Metadata.NamespaceProperty),
            _ => (await ListOrEmptyAsync<UpstreamOAuthPolicy>(null, cancellationToken)).Select(o => o.Metadata.NamespaceProperty),
        };
        return all.Count(ns => !namespaces.Contains(ns));
    }

    private async Task<IList<T>> ListOrEmptyAsync<T>(string? ns, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        try
        {
            return await client.ListAsync<T>(ns, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }
    }

    private static async Task IgnoreNotFoundAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
        }
    }
}
