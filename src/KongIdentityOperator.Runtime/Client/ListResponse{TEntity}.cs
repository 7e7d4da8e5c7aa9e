using System.Text.Json.Serialization;
using k8s.Models;

namespace KongIdentityOperator.Runtime.Client;

/// <summary>The wire shape of any <c>...List</c> response.</summary>
internal sealed class ListResponse<TEntity>
{
    [JsonPropertyName("metadata")]
    public V1ListMeta? Metadata { get; set; }

    [JsonPropertyName("items")]
    public IList<TEntity>? Items { get; set; }
}
