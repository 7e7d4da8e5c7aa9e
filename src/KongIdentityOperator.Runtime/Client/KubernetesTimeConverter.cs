using System.Text.Json;
using System.Text.Json.Serialization;

namespace KongIdentityOperator.Runtime.Client;

/// <summary>
/// Reads and writes a <see cref="DateTime"/> as a Kubernetes <c>Time</c> (RFC 3339 in UTC, a fraction only when the
/// value has one), the form KubernetesClient uses; for the <c>JsonSerializerContext</c> of an operator's custom kinds.
/// </summary>
public sealed class KubernetesTimeConverter : JsonConverter<DateTime>
{
    /// <inheritdoc />
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        KubernetesTimeFormat.Parse(reader.GetString());

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(KubernetesTimeFormat.FormatTime(value));
    }
}
