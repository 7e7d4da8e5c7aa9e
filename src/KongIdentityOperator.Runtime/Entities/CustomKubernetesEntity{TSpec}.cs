using System.Text.Json.Serialization;

namespace KongIdentityOperator.Runtime.Entities;

/// <summary>A custom resource with a <c>spec</c>.</summary>
public abstract class CustomKubernetesEntity<TSpec> : CustomKubernetesEntity
    where TSpec : new()
{
    [JsonPropertyName("spec")]
    public TSpec Spec { get; set; } = new();
}
