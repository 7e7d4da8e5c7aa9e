using k8s.Models;
using KongIdentityOperator.Credentials;
using KongIdentityOperator.Entities;
using KongIdentityOperator.Indexing;
using KongIdentityOperator.Konnect;
using KongIdentityOperator.References;
using KongIdentityOperator.Runtime.Cache;
using KongIdentityOperator.Runtime.Client;
using KongIdentityOperator.Runtime.Events;

namespace KongIdentityOperator.Finalizers;

/// <summary>
/// Deletes the client from Konnect once no UpstreamOAuthPolicy uses it (a gateway would lose its credentials); its
/// credentials Secret then goes with the Client through its owner reference.
/// With Orphan the client stays in Konnect, so its credentials must stay too: the owner reference is removed first.
/// Either way it waits for the policies using it, which delete their plugins through its connection.
/// </summary>
internal sealed class ClientFinalizer(
    ParentResolver parents,
    IKonnectClientFactory konnect,
    CleanupRecorder cleanup,
    EventPublisher events,
    IKubernetesClient kubernetes,
    IEntityCache<UpstreamOAuthPolicy> policies)
    : AuthServerChildFinalizer<Client, ClientStatus>(parents, konnect, cleanup, events)
{
    protected override string Noun => "client";

    protected override Task<bool> DeleteRemoteAsync(IKonnectClient api, string authServerId, string id, CancellationToken cancellationToken) =>
        api.Clients.DeleteAsync(authServerId, id, cancellationToken);

    protected override IReadOnlyList<string> Dependents(Client entity) =>
        [.. policies.GetByIndex(Indexes.ClientRef, Indexes.Key(entity.Metadata)).Select(p => $"UpstreamOAuthPolicy {p.Metadata.Name}")];

    protected override async Task BeforeOrphanAsync(Client entity, CancellationToken cancellationToken)
    {
        if (entity.Status.Id is null)
        {
            return;
        }

        var secret = await kubernetes.GetAsync<V1Secret>(SecretKeyNames.SecretName(entity), entity.Metadata.NamespaceProperty, cancellationToken);
        if (secret?.Metadata.OwnerReferences?.Any(r => r.Uid == entity.Metadata.Uid) != true)
        {
            return;
        }

        secret.Metadata.OwnerReferences = [.. secret.Metadata.OwnerReferences.Where(r => r.Uid != entity.Metadata.Uid)];
        await kubernetes.UpdateAsync(secret, cancellationToken);
    }
}
