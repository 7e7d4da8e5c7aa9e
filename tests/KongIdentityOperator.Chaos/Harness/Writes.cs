using k8s;
using k8s.Models;
using KongIdentityOperator.Runtime.Client;

namespace KongIdentityOperator.Chaos.Harness;

/// <summary>
/// The suite's own writes while the API server injects failures (<c>FailNextWrites</c>): a person's kubectl would
/// be retried the same way. An injected failure stores nothing, so a retry is safe.
/// </summary>
internal static class Writes
{
    public static async Task<T> RetryAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (Exception e) when (attempt < 30 && IsTransient(e))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 50 * attempt)), cancellationToken);
            }
        }
    }

    public static Task RetryAsync(Func<Task> write, CancellationToken cancellationToken) =>
        RetryAsync(
            async () =>
            {
                await write();
                return true;
            },
            cancellationToken);

    /// <summary>Creates, or returns the existing object when an earlier attempt of this create got through.</summary>
    public static async Task<T> CreateAsync<T>(IKubernetesClient client, T entity, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        try
        {
            return await RetryAsync(() => client.CreateAsync(entity, cancellationToken), cancellationToken);
        }
        catch (Exception e) when (e.IsAlreadyExists())
        {
            return await client.GetAsync<T>(entity.Metadata.Name, entity.Metadata.NamespaceProperty, cancellationToken)
                ?? throw new InvalidOperationException($"{typeof(T).Name} {entity.Metadata.Name} exists and does not", e);
        }
    }

    /// <summary>Reads, changes and writes an object, again on conflicts (the operator writes it too).</summary>
    public static Task<T> UpdateAsync<T>(IKubernetesClient client, string name, string @namespace, Action<T> change, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        RetryAsync(
            async () =>
            {
                var current = await client.GetAsync<T>(name, @namespace, cancellationToken)
                    ?? throw new InvalidOperationException($"{typeof(T).Name} {@namespace}/{name} not found");
                change(current);
                return await client.UpdateAsync(current, cancellationToken);
            },
            cancellationToken);

    public static Task DeleteAsync<T>(IKubernetesClient client, string name, string @namespace, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        RetryAsync(
            async () =>
            {
                try
                {
                    await client.DeleteAsync<T>(name, @namespace, cancellationToken);
                }
                catch (Exception e) when (e.IsNotFound())
                {
                    // Already gone.
                }
            },
            cancellationToken);

    private static bool IsTransient(Exception e) => e.IsConflict() || e.StatusCode() is 429 or >= 500;
}
