using System.Text.Json;

namespace KongIdentityOperator.Runtime.Client;

/// <summary>Reads the envelope of a watch line straight from UTF-8.</summary>
internal static class EntityJson
{
    /// <summary>One watch event line: <c>{"type": "...", "object": {...}}</c>.</summary>
    public static (string? Type, int ObjectStart, int ObjectLength) ReadEventEnvelope(ReadOnlySpan<byte> line)
    {
        string? type = null;
        int start = -1, length = 0;
        var reader = new Utf8JsonReader(line);
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.GetString();
            }
            else if (reader.ValueTextEquals("object"u8))
            {
                reader.Read();
                start = (int)reader.TokenStartIndex;
                reader.Skip();
                length = (int)reader.BytesConsumed - start;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return (type, start, length);
    }

    private static void Expect(bool condition)
    {
        if (!condition)
        {
            throw new JsonException("The API server's answer is not a JSON object.");
        }
    }
}
