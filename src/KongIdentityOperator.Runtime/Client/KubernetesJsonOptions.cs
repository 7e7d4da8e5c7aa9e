using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace KongIdentityOperator.Runtime.Client;

/// <summary>
/// The serializer options of the runtime's client, cache and status writes, with KubernetesClient's conventions
/// (camelCase, nulls omitted, Kubernetes timestamps; enums as strings come from each context's generation options):
/// the type information of the registered <see cref="KubernetesSerialization"/> contexts first, then the built-in
/// kinds the runtime uses. No reflection and no reference to KubernetesClient's own context for all models, which a
/// Native AOT build would otherwise keep whole.
/// </summary>
internal static class KubernetesJsonOptions
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    public static byte[] SerializeToUtf8Bytes<TEntity>(TEntity entity) => JsonSerializer.SerializeToUtf8Bytes(entity, TypeInfo<TEntity>());

    public static TEntity Deserialize<TEntity>(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, TypeInfo<TEntity>()) ?? throw new JsonException($"null where a {typeof(TEntity).Name} was expected");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Converters = { new KubernetesTimeConverter() },
            TypeInfoResolver = JsonTypeInfoResolver.Combine(KubernetesSerialization.Registered, BuiltInJsonContext.WithMicroTimes(), RuntimeJsonContext.Default),
        };
#if !K8S_AOT_PACKAGE
        // Outside the Native AOT build (tests, tools) any other type works too, by reflection, as with KubernetesClient's
        // own options there.
        options.Converters.Add(new JsonStringEnumConverter());
        options.TypeInfoResolverChain.Add(new DefaultJsonTypeInfoResolver());
#endif
        options.MakeReadOnly();
        return options;
    }
}
