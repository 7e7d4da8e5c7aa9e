using k8s.Models;
using KongIdentityOperator.Runtime.Entities;
using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

/// <summary>A scope of an auth server (<c>/v1/auth-servers/{id}/scopes</c>).</summary>
[KubernetesEntity(Group = EntityGroup.Group, ApiVersion = EntityGroup.Version, Kind = "Scope", PluralName = "scopes")]
[KubernetesEntityShortNames("kisc")]
[KubernetesEntityCategories(EntityGroup.Category)]
[Description("Scope is an OAuth2 scope of a Kong Identity auth server.")]
[AdditionalPrinterColumn("Scope", "string", ".status.name")]
[AdditionalPrinterColumn("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status")]
[AdditionalPrinterColumn("Reason", "string", ".status.conditions[?(@.type==\"Ready\")].reason", Priority = 1)]
[AdditionalPrinterColumn("Konnect ID", "string", ".status.id")]
[AdditionalPrinterColumn("Age", "date", ".metadata.creationTimestamp")]
public sealed class Scope : CustomKubernetesEntity<ScopeSpec, ScopeStatus>, IAuthServerChild, IConditionedEntity
{
    public Scope()
    {
        ApiVersion = EntityGroup.ApiVersion;
        Kind = "Scope";
    }

    LocalObjectReference IAuthServerChild.AuthServerRef => Spec.AuthServerRef;

    DeletionPolicy? IAuthServerChild.DeletionPolicy => Spec.DeletionPolicy;

    string? IAuthServerChild.AdoptId => Spec.Adopt?.Id;

    // A lost status falls back to the id annotation (KonnectIdAnnotation), so cleanup still finds the object.
    string? IAuthServerChild.RemoteId => Status.Id ?? KonnectIdAnnotation.Parse(Metadata).Id;

    string? IAuthServerChild.RemoteAuthServerId => Status.AuthServerId ?? KonnectIdAnnotation.Parse(Metadata).AuthServerId;

    ConditionedStatus IConditionedEntity.ConditionedStatus => Status;
}
