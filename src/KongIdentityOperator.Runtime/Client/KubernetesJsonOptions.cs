using System.Text.Json;
using k8s;

namespace KongIdentityOperator.Runtime.Client;

/// <summary>
/// The serializer options KubernetesClient itself uses (its converters for quantities, int-or-string, dates), so that
/// the runtime can go straight to and from UTF-8 bytes where <c>KubernetesJson</c> only offers strings.
/// </summary>
internal static class KubernetesJsonOptions
{
    public static JsonSerializerOptions Options { get; } = Capture();

    public static byte[] SerializeToUtf8Bytes<TEntity>(TEntity entity) => JsonSerializer.SerializeToUtf8Bytes(entity, Options);

    public static TEntity Deserialize<TEntity>(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<TEntity>(json, Options) ?? throw new JsonException($"null where a {typeof(TEntity).Name} was expected");

    // KubernetesJson exposes its options only to a configuration callback; the callback changes nothing.
    private static JsonSerializerOptions Capture()
    {
        JsonSerializerOptions? captured = null;
        KubernetesJson.AddJsonOptions(options => captured = options);
        return captured ?? throw new InvalidOperationException("KubernetesJson did not hand out its serializer options.");
    }
}
