using System.Text.Json;
using k8s.Models;

namespace KongIdentityOperator.Runtime.Client;

/// <summary>Reads list responses and watch lines with the registered type information, straight from UTF-8.</summary>
internal static class EntityJson
{
    /// <summary>A <c>...List</c> body: its items and its <c>metadata.resourceVersion</c>.</summary>
    public static EntityList<TEntity> ReadList<TEntity>(ReadOnlySpan<byte> json)
    {
        var items = new List<TEntity>();
        string? resourceVersion = null;
        var reader = new Utf8JsonReader(json);
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("items"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                    {
                        items.Add(ReadValue<TEntity>(ref reader, json));
                    }
                }
            }
            else if (reader.ValueTextEquals("metadata"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    resourceVersion = ReadValue<V1ListMeta>(ref reader, json).ResourceVersion;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new EntityList<TEntity>(items, resourceVersion);
    }

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

    // The reader stands on a StartObject; deserializes exactly that value and leaves the reader at its EndObject.
    private static T ReadValue<T>(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var end = (int)reader.BytesConsumed;
        return KubernetesJsonOptions.Deserialize<T>(json[start..end]);
    }

    private static void Expect(bool condition)
    {
        if (!condition)
        {
            throw new JsonException("The API server's answer is not a JSON object.");
        }
    }
}
