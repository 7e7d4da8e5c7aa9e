using System.Collections.Immutable;

namespace KongIdentityOperator.Sandbox.Konnect.ControlPlanes;

/// <summary>A Konnect control plane; <see cref="EndpointKey"/> is the random part of its (fake) cluster endpoints.</summary>
internal sealed record ControlPlane(
    Guid Id,
    long Sequence,
    string Name,
    string Description,
    ImmutableDictionary<string, string> Labels,
    string ClusterType,
    string AuthType,
    bool CloudGateway,
    ImmutableArray<ProxyUrl> ProxyUrls,
    string EndpointKey,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>KIC-managed control planes are read-only through the API.</summary>
    public bool IsReadOnly => ClusterType == ControlPlaneRules.KubernetesIngressController;
}
