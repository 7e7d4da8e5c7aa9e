using System.Text.Json;
using System.Text.Json.Serialization;

namespace KongIdentityOperator.Runtime.Client;

/// <summary>
/// A <c>MicroTime</c> field (an Event's <c>eventTime</c>, a Lease's <c>acquireTime</c> and <c>renewTime</c>): always six
/// fractional digits, since the API server rejects one without them. KubernetesClient's models type these as
/// <see cref="DateTime"/>, so <see cref="BuiltInJsonContext"/> attaches this converter to the fields by name.
/// </summary>
internal sealed class KubernetesMicroTimeConverter : JsonConverter<DateTime?>
{
    public static KubernetesMicroTimeConverter Instance { get; } = new();

    public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : KubernetesTimeFormat.Parse(reader.GetString());

    public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options)
    {
        if (value is { } time)
        {
            writer.WriteStringValue(KubernetesTimeFormat.FormatMicroTime(time));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
