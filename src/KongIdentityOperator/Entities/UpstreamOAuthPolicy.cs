using k8s.Models;
using KongIdentityOperator.Runtime.Entities;
using KongIdentityOperator.Runtime.Entities.Attributes;

namespace KongIdentityOperator.Entities;

/// <summary>The <c>upstream-oauth</c> plugin on a Konnect control plane, fed by a Client's credentials.</summary>
[KubernetesEntity(Group = EntityGroup.Group, ApiVersion = EntityGroup.Version, Kind = "UpstreamOAuthPolicy", PluralName = "upstreamoauthpolicies")]
[KubernetesEntityShortNames("uop")]
[KubernetesEntityCategories(EntityGroup.Category)]
[Description("UpstreamOAuthPolicy configures the upstream-oauth plugin on a Konnect control plane with a Client's credentials.")]
[AdditionalPrinterColumn("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status")]
[AdditionalPrinterColumn("Reason", "string", ".status.conditions[?(@.type==\"Ready\")].reason", Priority = 1)]
[AdditionalPrinterColumn("Plugin ID", "string", ".status.id")]
[AdditionalPrinterColumn("Control Plane", "string", ".status.controlPlaneID", Priority = 1)]
[AdditionalPrinterColumn("Age", "date", ".metadata.creationTimestamp")]
public sealed class UpstreamOAuthPolicy : CustomKubernetesEntity<UpstreamOAuthPolicySpec, UpstreamOAuthPolicyStatus>, IConditionedEntity
{
    public UpstreamOAuthPolicy()
    {
        ApiVersion = EntityGroup.ApiVersion;
        Kind = "UpstreamOAuthPolicy";
    }

    ConditionedStatus IConditionedEntity.ConditionedStatus => Status;
}
