using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace KongIdentityOperator.Runtime.Entities;

/// <summary>Base of every custom resource type (mirrors KubeOps' <c>CustomKubernetesEntity</c>).</summary>
public abstract class CustomKubernetesEntity : KubernetesObject, IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();
}
