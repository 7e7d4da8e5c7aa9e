using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using k8s.Models;

namespace KongIdentityOperator.Runtime.Client;

/// <summary>
/// Reads a <c>...List</c> response straight from the response stream, item by item, with type information built at
/// run time from the item kind's (no reflection): a list of 10,000 objects is never held as one buffer.
/// </summary>
internal static class ListJson<TEntity>
{
    private static readonly JsonTypeInfo<Body> TypeInfo = Create(KubernetesJsonOptions.Options);

    public static async Task<EntityList<TEntity>> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var body = await JsonSerializer.DeserializeAsync(stream, TypeInfo, cancellationToken)
            ?? throw new JsonException("The API server answered a list with null.");
        return new EntityList<TEntity>(body.Items ?? [], body.Metadata?.ResourceVersion);
    }

    private static JsonTypeInfo<Body> Create(JsonSerializerOptions options)
    {
        var items = JsonMetadataServices.CreateListInfo<List<TEntity>, TEntity>(
            options,
            new JsonCollectionInfoValues<List<TEntity>>
            {
                ObjectCreator = static () => [],
                ElementInfo = (JsonTypeInfo<TEntity>)options.GetTypeInfo(typeof(TEntity)),
            });
        var info = JsonTypeInfo.CreateJsonTypeInfo<Body>(options);
        info.CreateObject = static () => new Body();

        var metadata = info.CreateJsonPropertyInfo(typeof(V1ListMeta), "metadata");
        metadata.Get = static body => ((Body)body).Metadata;
        metadata.Set = static (body, value) => ((Body)body).Metadata = (V1ListMeta?)value;
        info.Properties.Add(metadata);

        var list = info.CreateJsonPropertyInfo(typeof(List<TEntity>), "items");
        list.CustomConverter = items.Converter;
        list.Get = static body => ((Body)body).Items;
        list.Set = static (body, value) => ((Body)body).Items = (List<TEntity>?)value;
        info.Properties.Add(list);
        return info;
    }

    private sealed class Body
    {
        public V1ListMeta? Metadata { get; set; }

        public List<TEntity>? Items { get; set; }
    }
}
