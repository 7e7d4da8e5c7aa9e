using k8s;
using k8s.Autorest;
using k8s.Models;

namespace KongIdentityOperator.Runtime.Client;

/// <summary>Status writes that are quiet when nothing changed and survive concurrent writers.</summary>
public static class StatusUpdateExtensions
{
    /// <summary>Default number of PUT attempts before a persistent conflict is surfaced.</summary>
    public const int DefaultMaxAttempts = 5;

    /// <summary>
    /// Applies <paramref name="mutate"/> to <paramref name="entity"/> and writes the result through <c>/status</c>
    /// with the entity's <c>resourceVersion</c>. On 409 Conflict the object is read again and the mutation re-applied
    /// (up to <paramref name="maxAttempts"/> writes). When the mutation changes nothing, no request is made.
    /// </summary>
    /// <returns>The object as stored after the write (or as given when nothing changed).</returns>
    public static async Task<TEntity> UpdateStatusAsync<TEntity>(
        this IKubernetesClient client,
        TEntity entity,
        Action<TEntity> mutate,
        int maxAttempts = DefaultMaxAttempts,
        CancellationToken cancellationToken = default)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(mutate);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);

        var current = entity;
        for (var attempt = 1; ; attempt++)
        {
            // Compared as UTF-8 bytes: every steady-state reconcile pays this, and bytes are half a string's size.
            var before = KubernetesJsonOptions.SerializeToUtf8Bytes(current);
            mutate(current);
            if (before.AsSpan().SequenceEqual(KubernetesJsonOptions.SerializeToUtf8Bytes(current)))
            {
                return current;
            }

            try
            {
                return await client.UpdateStatusAsync(current, cancellationToken);
            }
            catch (HttpOperationException e) when (e.IsConflict() && attempt < maxAttempts)
            {
                var name = current.Metadata.Name;
                var ns = current.Metadata.NamespaceProperty;
                current = await client.GetAsync<TEntity>(name, ns, cancellationToken)
                    ?? throw new InvalidOperationException($"{current.Kind} {ns}/{name} was deleted while its status was being written.", e);
            }
        }
    }
}
