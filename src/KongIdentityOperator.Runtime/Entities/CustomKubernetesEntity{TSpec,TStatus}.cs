using System.Text.Json.Serialization;

namespace KongIdentityOperator.Runtime.Entities;

/// <summary>A custom resource with a <c>spec</c> and a <c>status</c> (served through the status subresource).</summary>
public abstract class CustomKubernetesEntity<TSpec, TStatus> : CustomKubernetesEntity<TSpec>, IStatusEntity<TStatus>
    where TSpec : new()
    where TStatus : new()
{
    [JsonPropertyName("status")]
    public TStatus Status { get; set; } = new();
}
