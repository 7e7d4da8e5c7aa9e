using k8s.Models;
using KongIdentityOperator.Runtime.Entities;
using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

/// <summary>An OAuth2 client of an auth server (<c>/v1/auth-servers/{id}/clients</c>) and its credentials Secret.</summary>
[KubernetesEntity(Group = EntityGroup.Group, ApiVersion = EntityGroup.Version, Kind = "Client", PluralName = "clients")]
[KubernetesEntityShortNames("kicli")]
[KubernetesEntityCategories(EntityGroup.Category)]
[Description("Client is an OAuth2 client of a Kong Identity auth server; its credentials are written to a Secret.")]
[AdditionalPrinterColumn("Client ID", "string", ".status.id")]
[AdditionalPrinterColumn("Secret", "string", ".status.secretName")]
[AdditionalPrinterColumn("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status")]
[AdditionalPrinterColumn("Reason", "string", ".status.conditions[?(@.type==\"Ready\")].reason", Priority = 1)]
[AdditionalPrinterColumn("Age", "date", ".metadata.creationTimestamp")]
public sealed class Client : CustomKubernetesEntity<ClientSpec, ClientStatus>, IAuthServerChild, IConditionedEntity
{
    public Client()
    {
        ApiVersion = EntityGroup.ApiVersion;
        Kind = "Client";
    }

    LocalObjectReference IAuthServerChild.AuthServerRef => Spec.AuthServerRef;

    DeletionPolicy? IAuthServerChild.DeletionPolicy => Spec.DeletionPolicy;

    string? IAuthServerChild.AdoptId => Spec.Adopt?.Id;

    string? IAuthServerChild.RemoteId => Status.Id;

    string? IAuthServerChild.RemoteAuthServerId => Status.AuthServerId;

    ConditionedStatus IConditionedEntity.ConditionedStatus => Status;
}
