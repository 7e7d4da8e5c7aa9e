using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using k8s;

namespace KongIdentityOperator.Runtime.Client;

/// <summary>
/// The serializer options of the runtime's client, cache and status writes: KubernetesClient's own settings
/// (converters for dates, quantities, int-or-string) with the type information of the registered
/// <see cref="KubernetesSerialization"/> contexts first, then KubernetesClient's. No reflection is needed for a
/// registered or built-in kind, which is what a Native AOT build requires.
/// </summary>
internal static class KubernetesJsonOptions
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    public static byte[] SerializeToUtf8Bytes<TEntity>(TEntity entity) => JsonSerializer.SerializeToUtf8Bytes(entity, TypeInfo<TEntity>());

    public static TEntity Deserialize<TEntity>(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, TypeInfo<TEntity>()) ?? throw new JsonException($"null where a {typeof(TEntity).Name} was expected");

    // KubernetesJson exposes its options only to a configuration callback; the callback changes nothing, and the copy
    // keeps its converters and naming while the resolver chain puts the registered contexts first.
    private static JsonSerializerOptions Create()
    {
        JsonSerializerOptions? captured = null;
        KubernetesJson.AddJsonOptions(options => captured = options);
        var library = captured ?? throw new InvalidOperationException("KubernetesJson did not hand out its serializer options.");
        return new JsonSerializerOptions(library)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(KubernetesSerialization.Registered, library.TypeInfoResolver, RuntimeJsonContext.Default),
        };
    }
}
