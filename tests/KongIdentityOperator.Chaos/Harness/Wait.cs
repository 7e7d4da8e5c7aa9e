using k8s;
using k8s.Models;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Conditions;

namespace KongIdentityOperator.Chaos.Harness;

/// <summary>Waits on objects of the five kinds: a condition for the current generation, or the object gone.</summary>
internal static class Wait
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static Task<T> ForConditionAsync<T>(
        IKubernetesClient client, string @namespace, string name, string type, string status, string? reason, CancellationToken cancellationToken, TimeSpan? timeout = null)
        where T : class, IKubernetesObject<V1ObjectMeta>, IConditionedEntity =>
        Poll.MatchAsync(
            async () => await client.GetAsync<T>(name, @namespace, cancellationToken),
            o => o is not null
                && o.ConditionedStatus.ObservedGeneration == o.Metadata.Generation
                && o.ConditionedStatus.Conditions.Get(type) is { } c && c.Status == status && (reason is null || c.Reason == reason),
            o => o is null ? "absent" : KubernetesJson.Serialize(o.ConditionedStatus.Conditions),
            $"{typeof(T).Name} {@namespace}/{name} {type}={status}{(reason is null ? string.Empty : $" ({reason})")}",
            timeout ?? Timeout,
            cancellationToken)!;

    public static Task<T> ForReadyAsync<T>(IKubernetesClient client, string @namespace, string name, CancellationToken cancellationToken, TimeSpan? timeout = null)
        where T : class, IKubernetesObject<V1ObjectMeta>, IConditionedEntity =>
        ForConditionAsync<T>(client, @namespace, name, "Ready", "True", null, cancellationToken, timeout);

    public static Task ForGoneAsync<T>(IKubernetesClient client, string @namespace, string name, CancellationToken cancellationToken, TimeSpan? timeout = null)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        Poll.MatchAsync(
            async () => await client.GetAsync<T>(name, @namespace, cancellationToken),
            o => o is null,
            o => KubernetesJson.Serialize(o),
            $"{typeof(T).Name} {@namespace}/{name} gone",
            timeout ?? Timeout,
            cancellationToken);
}
