using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KongIdentityOperator.Runtime.Client;

namespace KongIdentityOperator.Runtime.Finalizer;

/// <summary>
/// Adds and removes finalizers with a JSON merge patch that carries the object's <c>resourceVersion</c>: the server
/// rejects it with 409 if the object changed, and the writer then re-reads and recomputes. Only
/// <c>metadata.finalizers</c> is sent, so fields unknown to the C# type are never overwritten.
/// </summary>
public sealed class FinalizerWriter(IKubernetesClient client)
{
    private const int MaxAttempts = 5;

    /// <summary>Ensures <paramref name="identifiers"/> are present; returns the object as stored afterwards, or null if it is gone.</summary>
    public Task<TEntity?> AddAsync<TEntity>(TEntity entity, IReadOnlyCollection<string> identifiers, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> =>
        WriteAsync(entity, current =>
        {
            var finalizers = current.Metadata.Finalizers ?? [];
            var missing = identifiers.Where(id => !finalizers.Contains(id)).ToList();

            // A terminating object accepts no new finalizers; the caller will see deletionTimestamp and finalize.
            return missing.Count == 0 || current.Metadata.DeletionTimestamp is not null ? null : [.. finalizers, .. missing];
        }, cancellationToken);

    /// <summary>Ensures <paramref name="identifier"/> is absent; returns the object as stored afterwards, or null if it is gone.</summary>
    public Task<TEntity?> RemoveAsync<TEntity>(TEntity entity, string identifier, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta> =>
        WriteAsync(entity, current =>
        {
            var finalizers = current.Metadata.Finalizers ?? [];
            return finalizers.Contains(identifier) ? [.. finalizers.Where(f => f != identifier)] : null;
        }, cancellationToken);

    private async Task<TEntity?> WriteAsync<TEntity>(TEntity entity, Func<TEntity, List<string>?> desired, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var current = entity;
        for (var attempt = 1; ; attempt++)
        {
            if (desired(current) is not { } finalizers)
            {
                return current;
            }

            var patch = new JsonObject
            {
                ["metadata"] = new JsonObject
                {
                    ["resourceVersion"] = current.Metadata.ResourceVersion,
                    ["finalizers"] = new JsonArray([.. finalizers.Select(f => JsonValue.Create(f))]),
                },
            };
            try
            {
                return await client.PatchAsync<TEntity>(
                    new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch),
                    current.Metadata.Name,
                    current.Metadata.NamespaceProperty,
                    cancellationToken);
            }
            catch (HttpOperationException e) when (e.IsNotFound())
            {
                return null;
            }
            catch (HttpOperationException e) when (e.IsConflict() && attempt < MaxAttempts)
            {
                var reread = await client.GetAsync<TEntity>(current.Metadata.Name, current.Metadata.NamespaceProperty, cancellationToken);
                if (reread is null)
                {
                    return null;
                }

                current = reread;
            }
        }
    }
}
