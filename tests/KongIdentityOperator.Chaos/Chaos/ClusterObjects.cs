using k8s;
using k8s.Models;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Conditions;
using Client = KongIdentityOperator.Entities.Client;

namespace KongIdentityOperator.Chaos.Chaos;

/// <summary>Every object of the five kinds in the cluster at one moment.</summary>
internal sealed record ClusterObjects(
    IReadOnlyList<AuthServer> AuthServers,
    IReadOnlyList<Scope> Scopes,
    IReadOnlyList<Claim> Claims,
    IReadOnlyList<Client> Clients,
    IReadOnlyList<UpstreamOAuthPolicy> Policies)
{
    public int Count => AuthServers.Count + Scopes.Count + Claims.Count + Clients.Count + Policies.Count;

    public static async Task<ClusterObjects> ReadAsync(IKubernetesClient client, CancellationToken cancellationToken) => new(
        [.. await client.ListAsync<AuthServer>(cancellationToken: cancellationToken)],
        [.. await client.ListAsync<Scope>(cancellationToken: cancellationToken)],
        [.. await client.ListAsync<Claim>(cancellationToken: cancellationToken)],
        [.. await client.ListAsync<Client>(cancellationToken: cancellationToken)],
        [.. await client.ListAsync<UpstreamOAuthPolicy>(cancellationToken: cancellationToken)]);

    /// <summary>Objects not Ready for their current generation, with their Ready reason and message.</summary>
    public IReadOnlyList<string> NotReady() =>
    [
        .. Describe(AuthServers), .. Describe(Scopes), .. Describe(Claims), .. Describe(Clients), .. Describe(Policies),
    ];

    private static IEnumerable<string> Describe<T>(IEnumerable<T> objects)
        where T : IKubernetesObject<V1ObjectMeta>, IConditionedEntity =>
        objects
            .Where(o => o.ConditionedStatus.ObservedGeneration != o.Metadata.Generation || !o.ConditionedStatus.Conditions.IsTrue("Ready"))
            .Select(o => o.ConditionedStatus.Conditions.Get("Ready") is { } ready
                ? $"{o.Kind} {o.Metadata.NamespaceProperty}/{o.Metadata.Name}: Ready={ready.Status} {ready.Reason}: {ready.Message}"
                : $"{o.Kind} {o.Metadata.NamespaceProperty}/{o.Metadata.Name}: no Ready condition (observed generation {o.ConditionedStatus.ObservedGeneration})");
}
