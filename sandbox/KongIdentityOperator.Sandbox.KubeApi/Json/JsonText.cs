using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KongIdentityOperator.Sandbox.KubeApi.Json;

/// <summary>Parsing and writing JSON the way the API server does (compact, UTF-8, no HTML escaping).</summary>
internal static class JsonText
{
    public static readonly JsonSerializerOptions Output = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 512 };

    private static readonly JsonWriterOptions IndentedWriter = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = true,
        IndentSize = 2,
        MaxDepth = 512,
    };

    public static byte[] ToUtf8(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, Output);

    /// <summary>The same JSON indented by two spaces, as the server writes it for <c>pretty=true</c>.</summary>
    public static byte[] Indent(byte[] compact)
    {
        using var document = JsonDocument.Parse(compact, DocumentOptions);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, IndentedWriter))
        {
            document.WriteTo(writer);
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    public static string ToText(JsonNode node) => node.ToJsonString(Output);

    /// <summary>Parses JSON; throws <see cref="JsonException"/> on malformed input or duplicate keys.</summary>
    public static JsonNode? Parse(ReadOnlySpan<byte> utf8) => JsonNode.Parse(utf8, NodeOptions, DocumentOptions);

    public static JsonNode? Parse(string text) => JsonNode.Parse(text, NodeOptions, DocumentOptions);
}
