using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace KongIdentityOperator.Konnect.Http;

/// <summary>A serialized JSON request body. Kept as bytes so a retry can resend it and an error can mask its secrets.</summary>
internal sealed class RequestBody
{
    private RequestBody(byte[] utf8Json) => Utf8Json = utf8Json;

    public byte[] Utf8Json { get; }

    public static RequestBody Json<T>(T value, JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new RequestBody(JsonSerializer.SerializeToUtf8Bytes(value, type));
    }
}
