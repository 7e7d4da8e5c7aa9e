using k8s.Models;
using KongIdentityOperator.Runtime.Entities;
using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

/// <summary>A Kong Identity authorization server (<c>/v1/auth-servers</c>).</summary>
[KubernetesEntity(Group = EntityGroup.Group, ApiVersion = EntityGroup.Version, Kind = "AuthServer", PluralName = "authservers")]
[KubernetesEntityShortNames("kias")]
[KubernetesEntityCategories(EntityGroup.Category)]
[Description("AuthServer is a Kong Identity OAuth2 authorization server in Konnect.")]
[AdditionalPrinterColumn("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status")]
[AdditionalPrinterColumn("Reason", "string", ".status.conditions[?(@.type==\"Ready\")].reason", Priority = 1)]
[AdditionalPrinterColumn("Konnect ID", "string", ".status.id")]
[AdditionalPrinterColumn("Issuer", "string", ".status.issuer")]
[AdditionalPrinterColumn("Age", "date", ".metadata.creationTimestamp")]
public sealed class AuthServer : CustomKubernetesEntity<AuthServerSpec, AuthServerStatus>, IConditionedEntity
{
    public AuthServer()
    {
        ApiVersion = EntityGroup.ApiVersion;
        Kind = "AuthServer";
    }

    ConditionedStatus IConditionedEntity.ConditionedStatus => Status;
}
